using System.Threading.Channels;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using CloudClinic.Ingestion.Health;
using CloudClinic.Ingestion.Mqtt;
using CloudClinic.Ingestion.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion;

/// <summary>
/// MQTT → store (DESIGN.md §2, §4). A fixed client id with clean start false and a long session expiry, so the
/// broker keeps queuing readings while this worker is away; manual acknowledgement, so a reading is acknowledged
/// only after it is durable (or dead-lettered) and its alerts are published — in the order received. Its own
/// reconnect loop with backoff (MQTTnet 5 has no managed client).
/// </summary>
internal sealed class MqttIngestWorker : BackgroundService
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ConnectionCheckInterval = TimeSpan.FromSeconds(5);

    private readonly MqttOptions _mqtt;
    private readonly IngestOptions _options;
    private readonly IngestBatchProcessor _processor;
    private readonly IngestMetrics _metrics;
    private readonly IngestConnectionState _state;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttIngestWorker> _logger;
    private readonly IMqttClient _client;
    private readonly Channel<InboundMessage> _queue =
        Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Channel<PendingBatch> _pending =
        Channel.CreateUnbounded<PendingBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly SemaphoreSlim _window;
    private readonly BatchCollector _collector;
    private readonly BufferedAdapterFactory _connections = new();
    private int _connection;
    private TaskCompletionSource _disconnected = NewSignal();

    public MqttIngestWorker(
        IOptions<MqttOptions> mqtt,
        IOptions<IngestOptions> options,
        IngestBatchProcessor processor,
        IngestMetrics metrics,
        IngestConnectionState state,
        TimeProvider time,
        ILogger<MqttIngestWorker> logger)
    {
        _mqtt = mqtt.Value;
        _options = options.Value;
        _processor = processor;
        _metrics = metrics;
        _state = state;
        _time = time;
        _logger = logger;
        _window = new SemaphoreSlim(_options.MaxInFlightBatches, _options.MaxInFlightBatches);
        _collector = new BatchCollector(_queue.Reader, _options, metrics, time, () => Volatile.Read(ref _connection));
        _client = new MqttClientFactory().CreateMqttClient(_connections);
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public override void Dispose()
    {
        _client.Dispose();
        _window.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // No point taking readings off the broker before they can be stored.
        await _processor.EnsureStorageAsync(stoppingToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var processing = Task.Run(() => ProcessLoopAsync(stop.Token), CancellationToken.None);
        var acknowledging = Task.Run(() => AckLoopAsync(stop.Token), CancellationToken.None);
        var connecting = Task.Run(() => ConnectionLoopAsync(stop.Token), CancellationToken.None);
        var ended = await Task.WhenAny(processing, acknowledging, connecting);

        // Either shutdown, or a loop failed: stop them all. Unacknowledged readings stay in the broker's session.
        await stop.CancelAsync();
        _queue.Writer.TryComplete();
        await DisconnectAsync();
        try
        {
            await Task.WhenAll(processing, acknowledging, connecting);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !ended.IsFaulted)
        {
        }

        // A failed loop must not leave a host that looks alive but takes nothing in: let the host stop.
        await ended;
    }

    private async Task ConnectionLoopAsync(CancellationToken ct)
    {
        var delay = FirstReconnectDelay;
        while (!ct.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await ConnectAndSubscribeAsync(ct);
                    delay = FirstReconnectDelay;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _state.Lost($"cannot connect to {_mqtt.Url}: {ex.Message}");
                    IngestLog.LogConnectFailed(_logger, _mqtt.Url, delay, ex.Message);
                    await Task.Delay(delay, _time, ct);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                    continue;
                }
            }

            // Timer-based check as MQTTnet's samples advise, woken early by the Disconnected event.
            try
            {
                await _disconnected.Task.WaitAsync(ConnectionCheckInterval, _time, ct);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken ct)
    {
        // A new connection number first: anything still queued from the old connection must not be acknowledged.
        Interlocked.Increment(ref _connection);
        _disconnected = NewSignal();
        var options = MqttConnection.CreateBuilder(_mqtt)
            .WithClientId(_options.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Math.Min(_options.SessionExpiry.TotalSeconds, uint.MaxValue - 1))
            // The broker sends at most this many unacknowledged messages: enough for every batch in flight plus one filling.
            .WithReceiveMaximum((ushort)Math.Clamp(_options.BatchSize * (_options.MaxInFlightBatches + 1), 100, ushort.MaxValue))
            .Build();
        var connected = await _client.ConnectAsync(options, ct);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"broker refused the connection: {connected.ResultCode} {connected.ReasonString}");
        }

        var filter = string.IsNullOrEmpty(_options.SharedGroup) ? Topics.AllReadings : Topics.SharedReadings(_options.SharedGroup);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        var subscribed = await _client.SubscribeAsync(subscribe, ct);
        var refused = subscribed.Items.FirstOrDefault(i => i.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2));
        if (refused is not null)
        {
            await DisconnectAsync();
            throw new InvalidOperationException($"broker did not grant QoS 1 on {filter}: {refused.ResultCode}");
        }

        _state.Subscribed();
        IngestLog.LogSubscribed(_logger, filter, _mqtt.Url, _options.ClientId, connected.IsSessionPresent);
    }

    /// <summary>
    /// Collects batches and starts their processing, at most <see cref="IngestOptions.MaxInFlightBatches"/> at once:
    /// parsing, writing and acknowledging overlap, and InfluxDB gets concurrent writes. Batches fill by size, or by
    /// time (<see cref="IngestOptions.BatchLinger"/>) while earlier batches are still being written.
    /// </summary>
    private async Task ProcessLoopAsync(CancellationToken ct)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                await _window.WaitAsync(ct);
                var batch = await _collector.CollectAsync(othersInFlight: _window.CurrentCount < _options.MaxInFlightBatches - 1, ct);
                if (batch.Count == 0)
                {
                    _window.Release();
                    continue;
                }

                // On the thread pool: the next batch is collected (and parsed) while this one is checked and written.
                _pending.Writer.TryWrite(new PendingBatch(batch, Task.Run(() => _processor.ProcessAsync(batch, ct), CancellationToken.None)));
            }
        }
        finally
        {
            _pending.Writer.TryComplete();
        }
    }

    /// <summary>Acknowledges batches in the order they were taken, each once its processing has finished.</summary>
    private async Task AckLoopAsync(CancellationToken ct)
    {
        await foreach (var pending in _pending.Reader.ReadAllAsync(ct))
        {
            try
            {
                // A fault here (only cancellation: the retry pipeline does not give up) ends the worker unacknowledged.
                await pending.Processing;
                await AcknowledgeInOrderAsync(pending.Batch, ct);
            }
            finally
            {
                // Acknowledged, or left to the broker to re-send: out of this worker's hands either way.
                _metrics.InFlightChanged(-pending.Batch.Count);
                _window.Release();
            }
        }
    }

    private async Task AcknowledgeInOrderAsync(List<InboundMessage> batch, CancellationToken ct)
    {
        // The batch's PUBACKs leave in one socket write instead of a send each (HeldWritesMqttChannel).
        var channel = _connections.Latest;
        channel?.Hold();
        var all = await AcknowledgeEachAsync(batch, ct);
        if (channel is not null)
        {
            try
            {
                await channel.SendHeldAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IngestLog.LogAcksNotSent(_logger, batch.Count, ex.Message);
                return;
            }
        }

        if (all)
        {
            IngestLog.LogAcknowledged(_logger, batch.Count);
        }
    }

    private async Task<bool> AcknowledgeEachAsync(List<InboundMessage> batch, CancellationToken ct)
    {
        foreach (var message in batch)
        {
            if (message.Connection != Volatile.Read(ref _connection) || !_client.IsConnected)
            {
                IngestLog.LogAckSkipped(_logger, message.Topic);
                return false;
            }

            try
            {
                await message.Delivery.AcknowledgeAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The connection dropped mid-way; the rest is re-sent and handled again (harmless: idempotent store).
                IngestLog.LogAckFailed(_logger, message.Topic, ex.Message);
                return false;
            }
        }

        return true;
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        var message = e.ApplicationMessage;
        var inbound = new InboundMessage(e, message.Topic, ReceivedPayload.Keep(message.Payload), Volatile.Read(ref _connection), _time.GetUtcNow());
        // Fails only while shutting down: the message stays unacknowledged and comes back next time.
        _metrics.InFlightChanged(1);
        if (!_queue.Writer.TryWrite(inbound))
        {
            _metrics.InFlightChanged(-1);
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            Interlocked.Increment(ref _connection);
            _state.Lost($"disconnected from {_mqtt.Url} ({e.Reason})");
            IngestLog.LogDisconnected(_logger, e.Reason.ToString(), e.Exception?.Message);
        }

        _disconnected.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task DisconnectAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            IngestLog.LogDisconnectFailed(_logger, ex.Message);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
