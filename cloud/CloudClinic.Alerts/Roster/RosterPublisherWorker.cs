using System.Security.Cryptography;
using System.Text.Json;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Roster;

/// <summary>
/// Publishes each clinic's check-in roster (<see cref="RosterMessage"/>) retained at QoS 1 on
/// <c>cloudclinic/v1/{clinic}/roster</c>, so a gateway that (re)connects gets the current one at once (issue 4 item 3):
/// every clinic at start and after each reconnect, one clinic when <see cref="RosterChangeSignal"/> names it, and every
/// clinic whose roster differs from the last one published at each <see cref="RosterOptions.RefreshInterval"/>.
/// </summary>
internal sealed partial class RosterPublisherWorker(
    RegistryDatabase database,
    RosterChangeSignal signal,
    IOptions<MqttOptions> mqtt,
    IOptions<RosterOptions> options,
    TimeProvider time,
    ILogger<RosterPublisherWorker> logger) : BackgroundService
{
    private readonly string _clientId = $"cloudclinic-roster-{Guid.NewGuid():N}"[..27];

    // Content (patients only, not IssuedAt) last published per clinic on the current connection.
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var everyClinic = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, stoppingToken);
                    _published.Clear();
                    everyClinic = true;
                }

                var clinics = everyClinic ? await RosterSnapshot.ClinicIdsAsync(database, stoppingToken) : pending.ToList();
                foreach (var clinicId in clinics)
                {
                    await PublishAsync(client, clinicId, stoppingToken);
                    pending.Remove(clinicId);
                }

                if (everyClinic)
                {
                    pending.Clear(); // a signal for a clinic the registry does not list has nothing to publish
                }

                everyClinic = await WaitForWorkAsync(pending, options.Value.RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Broker down or registry busy: nothing is lost, the next round republishes what is pending.
                LogFailed(logger, ex.Message);
                try
                {
                    everyClinic |= await WaitForWorkAsync(pending, options.Value.RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }
    }

    /// <summary>Waits for a change signal (false: publish the pending clinics) or the delay (true: every clinic).</summary>
    private async Task<bool> WaitForWorkAsync(HashSet<string> pending, TimeSpan delay, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, time, waiting.Token);
        var changed = signal.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var first = await Task.WhenAny(timer, changed);
        await waiting.CancelAsync();
        ct.ThrowIfCancellationRequested();
        while (signal.Reader.TryRead(out var clinicId))
        {
            pending.Add(clinicId);
        }

        return first == timer;
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken ct)
    {
        // Clean start: no subscriptions to keep, and what was not confirmed is published again from the registry.
        var connect = MqttConnection.CreateBuilder(mqtt.Value).WithClientId(_clientId).WithCleanStart(true).Build();
        var result = await client.ConnectAsync(connect, ct);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"broker {mqtt.Value.Url} refused the roster publisher: {result.ResultCode} {result.ReasonString}");
        }

        LogConnected(logger, mqtt.Value.Url, _clientId);
    }

    private async Task PublishAsync(IMqttClient client, string clinicId, CancellationToken ct)
    {
        var patients = await RosterSnapshot.PatientsAsync(database, clinicId, ct);
        var content = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            new RosterMessage { Schema = RosterMessage.SchemaV1, ClinicId = clinicId, IssuedAt = DateTimeOffset.UnixEpoch, Patients = patients },
            ContractJsonContext.Default.RosterMessage)));
        if (_published.TryGetValue(clinicId, out var last) && last == content)
        {
            return;
        }

        var roster = new RosterMessage { Schema = RosterMessage.SchemaV1, ClinicId = clinicId, IssuedAt = time.GetUtcNow(), Patients = patients };
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Roster(clinicId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(roster, ContractJsonContext.Default.RosterMessage))
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build();
        var result = await client.PublishAsync(message, ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"broker refused the roster of {clinicId}: {result.ReasonCode} {result.ReasonString}");
        }

        _published[clinicId] = content;
        LogPublished(logger, clinicId, patients.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster publisher connected to {Url} as {ClientId}")]
    private static partial void LogConnected(ILogger logger, string url, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the roster of clinic {ClinicId} ({Count} patients, retained)")]
    private static partial void LogPublished(ILogger logger, string clinicId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster publishing failed, retrying: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
