using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Gateways;

/// <summary>
/// Feeds gateways' retained status (<c>cloudclinic/v1/+/+/status</c>, whose offline form is also their LWT) to
/// <see cref="AlertEngine.RecordGatewayStatusAsync"/>: offline raises gateway-offline and mutes "not measured" for the
/// clinic. One client with a clean session: every (re)connect gets the retained status of every gateway again, so
/// nothing missed while disconnected is lost. Not a shared subscription: MQTT 5 §4.8.2 sends no retained messages to
/// shared subscriptions. Reconnects on a timer (the MQTTnet samples' pattern), never from the Disconnected event.
/// Subscribed only while this process holds the engine lease; a new leader's subscription gets every retained status.
/// </summary>
internal sealed partial class GatewayStatusWorker(
    AlertEngine engine,
    EngineLeadership leadership,
    IOptions<MqttOptions> mqttOptions,
    IOptions<AlertOptions> alertOptions,
    TimeProvider time,
    ILogger<GatewayStatusWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(5);
    private readonly string _clientId = $"cloudclinic-status-{Guid.NewGuid():N}"[..27];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e => HandleAsync(e.ApplicationMessage, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!leadership.IsLeader)
                {
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken);
                    }

                    await leadership.WaitAsync(stoppingToken);
                }

                if (!await client.TryPingAsync(stoppingToken))
                {
                    await ConnectAsync(client, stoppingToken);
                }

                await Task.Delay(ReconnectInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken ct)
    {
        try
        {
            var options = MqttConnection.CreateBuilder(mqttOptions.Value).WithClientId(_clientId).WithCleanStart(true).Build();
            await client.ConnectAsync(options, ct);
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topics.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            LogSubscribed(logger, mqttOptions.Value.Url, Topics.AllStatus);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogConnectFailed(logger, mqttOptions.Value.Url, ex.Message);
        }
    }

    /// <summary>One status message; a bad one is logged and dropped (the next heartbeat replaces it).</summary>
    internal async Task HandleAsync(MqttApplicationMessage message, CancellationToken ct)
    {
        if (!Topics.TryParseGatewayTopic(message.Topic, out var clinicId, out var gatewayId, out var leaf) || leaf != "status"
            || message.Payload.IsEmpty)
        {
            return; // an empty retained payload only clears the topic
        }

        GatewayStatusMessage? status;
        try
        {
            var reader = new Utf8JsonReader(message.Payload);
            status = JsonSerializer.Deserialize(ref reader, ContractJsonContext.Default.GatewayStatusMessage);
        }
        catch (JsonException ex)
        {
            LogBadStatus(logger, message.Topic, ex.Message);
            return;
        }

        if (status is null || status.State is not (GatewayStates.Online or GatewayStates.Offline))
        {
            LogBadStatus(logger, message.Topic, $"state '{status?.State}' is not {GatewayStates.Online} or {GatewayStates.Offline}");
            return;
        }

        // A retained "online" older than the heartbeat timeout is history, not a heartbeat: counting it would hide a
        // gateway that died without its LWT reaching the broker. A retained "offline" is always current (LWT).
        if (message.Retain && status.State == GatewayStates.Online && time.GetUtcNow() - status.At > alertOptions.Value.GatewayHeartbeatTimeout)
        {
            LogStaleStatus(logger, clinicId, gatewayId, status.At);
            return;
        }

        try
        {
            var events = await engine.RecordGatewayStatusAsync(clinicId, gatewayId, status, ct);
            LogRecorded(logger, clinicId, gatewayId, status.State, events.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogRecordFailed(logger, clinicId, gatewayId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway status subscriber connected to {Url}, subscribed to {Filter}")]
    private static partial void LogSubscribed(ILogger logger, string url, string filter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway status subscriber cannot connect to {Url}: {Reason}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored gateway status on {Topic}: {Reason}")]
    private static partial void LogBadStatus(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored stale retained online status of {ClinicId}/{GatewayId} from {At}")]
    private static partial void LogStaleStatus(ILogger logger, string clinicId, string gatewayId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {ClinicId}/{GatewayId} is {State} ({Events} alert events)")]
    private static partial void LogRecorded(ILogger logger, string clinicId, string gatewayId, string state, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the status of gateway {ClinicId}/{GatewayId} failed")]
    private static partial void LogRecordFailed(ILogger logger, string clinicId, string gatewayId, Exception exception);
}
