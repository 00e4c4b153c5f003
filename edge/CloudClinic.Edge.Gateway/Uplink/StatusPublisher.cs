using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// Retained QoS 1 status on <c>…/{gateway}/status</c> (DESIGN.md §3): online at once on a new connection, again when
/// devices, backlog or the last error change (at most every <c>Edge:StatusMinIntervalSeconds</c>), and as a heartbeat
/// every <c>Edge:StatusHeartbeatSeconds</c>.
/// </summary>
internal sealed partial class StatusPublisher(
    IOptions<EdgeOptions> edge,
    GatewayStatusFactory statusFactory,
    StatusSignal signal,
    TimeProvider timeProvider,
    ILogger<StatusPublisher> logger)
{
    private readonly string _topic = Topics.Status(edge.Value.ClinicId, edge.Value.GatewayId);

    public async Task RunAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var minInterval = TimeSpan.FromSeconds(edge.Value.StatusMinIntervalSeconds);
        var heartbeat = TimeSpan.FromSeconds(edge.Value.StatusHeartbeatSeconds);
        GatewayStatusMessage? lastSent = null;
        var lastAt = DateTimeOffset.MinValue;
        while (true)
        {
            var signalled = await signal.WaitAsync(heartbeat, timeProvider, cancellationToken);
            var wait = lastAt + minInterval - timeProvider.GetUtcNow();
            if (signalled && !signal.Forced && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            var force = !signalled || signal.Forced || timeProvider.GetUtcNow() - lastAt >= heartbeat;
            signal.ClearForced();
            var status = statusFactory.Create(GatewayStates.Online);
            if (!force && lastSent is not null && SameContent(lastSent, status))
            {
                continue;
            }

            await PublishAsync(client, status, cancellationToken);
            (lastSent, lastAt) = (status, timeProvider.GetUtcNow());
        }
    }

    public async Task PublishAsync(IMqttClient client, GatewayStatusMessage status, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(status, ContractJsonContext.Default.GatewayStatusMessage))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .WithContentType("application/json")
            .Build();
        var result = await client.PublishAsync(message, cancellationToken);
        // No subscriber is fine for status: the broker keeps it retained.
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            LogStatusRefused(logger, status.State, result.ReasonCode.ToString());
        }
    }

    private static bool SameContent(GatewayStatusMessage a, GatewayStatusMessage b) =>
        a.State == b.State && a.Backlog == b.Backlog && a.LastError == b.LastError && a.Devices.SequenceEqual(b.Devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused the {State} status: {ReasonCode}")]
    private static partial void LogStatusRefused(ILogger logger, string state, string reasonCode);
}
