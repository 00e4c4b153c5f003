using System.Diagnostics;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion.Tests.Faults;

/// <summary>
/// A gateway publishing a paced stream of readings at QoS 1 with a window in flight. Like the real gateway's
/// outbox it re-publishes whatever the broker did not PUBACK (broker restarted, connection lost), so a fault
/// never loses a reading on the sending side; re-sends are harmless because reading ids are deterministic.
/// </summary>
internal sealed class ReadingStream : IAsyncDisposable
{
    private const int Window = 64;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private int _confirmed;
    private int _republished;

    private ReadingStream(string mqttUrl) =>
        _options = MqttConnection.CreateBuilder(new MqttOptions { Url = mqttUrl })
            .WithClientId("stream-" + Guid.NewGuid().ToString("N")[..8])
            .Build();

    /// <summary>Readings the broker acknowledged.</summary>
    public int Confirmed => Volatile.Read(ref _confirmed);

    /// <summary>Publishes that had to be tried again after a failure.</summary>
    public int Republished => Volatile.Read(ref _republished);

    public static ReadingStream Create(string mqttUrl) => new(mqttUrl);

    /// <summary>
    /// <paramref name="count"/> blood-pressure readings of one patient, one millisecond apart an hour ago, so each
    /// is its own InfluxDB point (same series, distinct timestamps) and "exactly once" can be counted.
    /// </summary>
    public static List<ReadingMessage> Make(string prefix, int count)
    {
        var start = TimeProvider.System.GetUtcNow().AddHours(-1);
        return [.. Enumerable.Range(0, count).Select(i =>
            Readings.BloodPressure($"{prefix}-{i:D6}", systolic: 100 + (i % 60)) with { MeasuredAt = start.AddMilliseconds(i) })];
    }

    /// <summary>Publishes all readings, about <paramref name="perSecond"/> a second, and returns when the broker took each.</summary>
    public async Task PublishAsync(IReadOnlyList<ReadingMessage> readings, int perSecond, CancellationToken ct)
    {
        using var window = new SemaphoreSlim(Window, Window);
        var pending = new List<Task>(readings.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < readings.Count; i++)
        {
            // Pace by schedule, not by a fixed sleep per message: catch up after a stall.
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed + TimeSpan.FromMilliseconds(5))
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }

            await window.WaitAsync(ct);
            var reading = readings[i];
            pending.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        await PublishOneAsync(reading, ct);
                    }
                    finally
                    {
                        window.Release();
                    }
                },
                CancellationToken.None));
        }

        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _connectLock.Dispose();
    }

    private async Task PublishOneAsync(ReadingMessage reading, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Readings(reading.ClinicId, reading.GatewayId))
            .WithPayload(ReadingPayload.Serialize(reading))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _republished);
                await Task.Delay(RetryDelay, ct);
            }

            try
            {
                await EnsureConnectedAsync(ct);
                var result = await _client.PublishAsync(message, ct);
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref _confirmed);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Broker gone or connection reset mid-publish: not acknowledged, so publish it again.
            }
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken ct)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connectLock.WaitAsync(ct);
        try
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(_options, ct);
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }
}
