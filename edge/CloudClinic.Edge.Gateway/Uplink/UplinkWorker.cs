using System.Runtime.ExceptionServices;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// The MQTT uplink (DESIGN.md §5): its own reconnect loop with exponential back-off and jitter (no managed client),
/// retained online status on connect and on change, the reading publisher, the commands subscription; on a
/// graceful stop it publishes the offline status itself before disconnecting (a clean disconnect sends no will).
/// </summary>
internal sealed partial class UplinkWorker : BackgroundService
{
    private static readonly TimeSpan StopPublishTimeout = TimeSpan.FromSeconds(3);
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttOptions _mqtt;
    private readonly EdgeOptions _edge;
    private readonly ReadingPublisher _publisher;
    private readonly GatewayCommandHandler _commands;
    private readonly GatewayStatusFactory _status;
    private readonly StatusPublisher _statusPublisher;
    private readonly GatewayStatusBoard _board;
    private readonly StatusSignal _statusSignal;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<UplinkWorker> _logger;
    private readonly LoopHeartbeats _heartbeats;
    private TaskCompletionSource _connectionLost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UplinkWorker(
        IOptions<MqttOptions> mqtt,
        IOptions<EdgeOptions> edge,
        ReadingPublisher publisher,
        GatewayCommandHandler commands,
        GatewayStatusFactory status,
        StatusPublisher statusPublisher,
        GatewayStatusBoard board,
        OutboxStore outbox,
        OutboxBudget budget,
        StatusSignal statusSignal,
        LoopHeartbeats heartbeats,
        TimeProvider timeProvider,
        ILogger<UplinkWorker> logger)
    {
        _heartbeats = heartbeats;
        (_mqtt, _edge, _publisher, _commands, _status, _board) = (mqtt.Value, edge.Value, publisher, commands, status, board);
        (_statusPublisher, _statusSignal, _timeProvider, _logger) = (statusPublisher, statusSignal, timeProvider, logger);
        board.Changed += () => _statusSignal.Set();
        outbox.Changed += () => _statusSignal.Set();

        // The outbox-full alarm (raised or cleared) goes out at once, past the status rate limit.
        budget.Changed += () => _statusSignal.Set(force: true);
        _client.DisconnectedAsync += e =>
        {
            Volatile.Read(ref _connectionLost).TrySetResult();
            return Task.CompletedTask;
        };
        _client.ApplicationMessageReceivedAsync += e => _commands.HandleAsync(e.ApplicationMessage);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(StopPublishTimeout, _timeProvider);
            await _statusPublisher.PublishAsync(_client, _status.Create(GatewayStates.Offline), timeout.Token);
            await _client.DisconnectAsync(
                new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(),
                timeout.Token);
            LogStoppedCleanly(_logger);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The broker still has our will: it announces offline when the socket closes.
            LogStopPublishFailed(_logger, ex);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(_mqtt.ReconnectMinSeconds), TimeSpan.FromSeconds(_mqtt.ReconnectMaxSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            _heartbeats.Beat(ReadingPublisher.Loop);
            try
            {
                Volatile.Write(ref _connectionLost, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                var will = _status.Create(GatewayStates.Offline);
                var connect = await _client.ConnectAsync(MqttClientOptionsFactory.Create(_mqtt, _edge, will), stoppingToken);
                if (connect.ResultCode != MqttClientConnectResultCode.Success)
                {
                    // A refusing CONNACK (bad credentials, not authorised) can come back as a result, not an exception.
                    throw new InvalidOperationException($"broker refused the connection: {connect.ResultCode} {connect.ReasonString}".TrimEnd());
                }

                backoff.Reset();
                _board.UplinkConnected = true;
                _board.SetUplinkError(null);
                LogConnected(_logger, _mqtt.Url, MqttClientOptionsFactory.ClientId(_edge));
                await RunConnectedAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: MQTTnet reports a cancelled operation as a timeout, not only as OperationCanceledException.
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _board.SetUplinkError($"broker connection: {ex.Message}");
                LogConnectionFailed(_logger, ex, _mqtt.Url);
            }

            _board.UplinkConnected = false;
            if (_client.IsConnected)
            {
                // The connection is up but a loop failed: drop it (with the will: we are not really online) and start over.
                await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage, "uplink restart");
            }

            var delay = backoff.Next();
            LogReconnecting(_logger, delay.TotalSeconds);
            try
            {
                await _heartbeats.DelayAsync(ReadingPublisher.Loop, delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Serves one connection until it drops (returns) or a loop fails (throws).</summary>
    private async Task RunConnectedAsync(CancellationToken stoppingToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var subscribe = await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(Topics.Commands(_edge.ClinicId, _edge.GatewayId), MqttQualityOfServiceLevel.AtLeastOnce)
                // Retained: the broker hands over the clinic's current roster on every (re)subscribe.
                .WithTopicFilter(Topics.Roster(_edge.ClinicId), MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            connection.Token);
        foreach (var item in subscribe.Items.Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
        {
            LogSubscribeRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
        }

        _statusSignal.Set(force: true);
        var publishing = _publisher.RunAsync(_client, connection.Token);
        var status = _statusPublisher.RunAsync(_client, connection.Token);
        var first = await Task.WhenAny(publishing, status, _connectionLost.Task);
        await connection.CancelAsync();
        try
        {
            await Task.WhenAll(publishing, status);
        }
        catch (Exception) when (connection.IsCancellationRequested)
        {
            // Consequences of the cancellation just above; the cause (if any) is `first`.
        }

        stoppingToken.ThrowIfCancellationRequested();
        if (first.Exception?.InnerException is { } cause)
        {
            ExceptionDispatchInfo.Throw(cause);
        }

        if (!_connectionLost.Task.IsCompleted)
        {
            throw new InvalidOperationException("uplink loop ended while still connected");
        }

        _board.SetUplinkError("broker connection lost");
        LogConnectionLost(_logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Url} as {ClientId}")]
    private static partial void LogConnected(ILogger logger, string url, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker connection to {Url} failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker connection lost; readings stay in the outbox")]
    private static partial void LogConnectionLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to the broker in {DelaySeconds:0.0} s")]
    private static partial void LogReconnecting(ILogger logger, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused the subscription to {Topic}: {ResultCode}")]
    private static partial void LogSubscribeRefused(ILogger logger, string topic, string resultCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published offline status and disconnected")]
    private static partial void LogStoppedCleanly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish offline status on stop; the broker's will covers it")]
    private static partial void LogStopPublishFailed(ILogger logger, Exception exception);
}
