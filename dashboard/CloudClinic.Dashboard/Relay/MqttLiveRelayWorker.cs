using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Configuration;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Dashboard.Relay;

/// <summary>
/// Subscribes to readings, alerts and gateway status and hands every message to <see cref="LiveMessageRouter"/>.
/// Reconnects with its own timer loop (ping, else connect) as MQTTnet's samples recommend, never from the
/// Disconnected event; a broker that is down at start-up is retried the same way.
/// </summary>
internal sealed partial class MqttLiveRelayWorker(
    IOptions<MqttOptions> mqtt,
    IOptions<DashboardOptions> dashboard,
    LiveMessageRouter router,
    RelayState state,
    TimeProvider time,
    ILogger<MqttLiveRelayWorker> logger) : BackgroundService
{
    private static readonly string[] TopicFilters = [Topics.AllReadings, Topics.AllAlerts, Topics.AllStatus];

    private int _failuresInARow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e => router.RouteAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload);
        client.DisconnectedAsync += e =>
        {
            if (state.SetConnected(false))
            {
                LogDisconnected(logger, e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var options = MqttConnection.CreateBuilder(mqtt.Value)
            // Unique per process: every dashboard instance needs every message (no shared subscription).
            .WithClientId($"cloudclinic-dashboard-{Guid.NewGuid():N}")
            // Live view only: browsers load history over HTTP, so a fresh session per connection is right and
            // keeps the broker from queueing for a dashboard instance that went away.
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await client.TryPingAsync(stoppingToken))
            {
                await TryConnectAsync(client, options, stoppingToken);
            }

            try
            {
                await Task.Delay(dashboard.Value.RelayReconnectDelay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        state.SetConnected(false);
        await client.TryDisconnectAsync();
    }

    private async Task TryConnectAsync(IMqttClient client, MqttClientOptions options, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(options, ct);
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in TopicFilters)
            {
                subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
            }

            var result = await client.SubscribeAsync(subscribe.Build(), ct);
            var refused = result.Items.Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2).ToList();
            if (refused.Count > 0)
            {
                // Connected but deaf is worse than disconnected: drop the session and try again next tick.
                LogSubscribeRefused(logger, string.Join(", ", refused.Select(i => $"{i.TopicFilter.Topic}: {i.ResultCode}")));
                await client.TryDisconnectAsync();
                _failuresInARow++;
                return;
            }

            _failuresInARow = 0;
            state.SetConnected(true);
            LogConnected(logger, mqtt.Value.Url, string.Join(", ", TopicFilters));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await client.TryDisconnectAsync();

            // The first failure is a warning; repeats while the broker stays down only at debug level.
            if (_failuresInARow++ == 0)
            {
                LogConnectFailed(logger, ex, mqtt.Value.Url);
            }
            else
            {
                LogConnectRetryFailed(logger, mqtt.Value.Url, _failuresInARow, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live relay connected to {Url}, subscribed to {Filters}")]
    private static partial void LogConnected(ILogger logger, string url, string filters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay lost the broker ({Reason}); retrying")]
    private static partial void LogDisconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay could not connect to {Url}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live relay still cannot connect to {Url} (attempt {Attempt}): {Error}")]
    private static partial void LogConnectRetryFailed(ILogger logger, string url, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker refused the live relay's subscriptions: {Reasons}")]
    private static partial void LogSubscribeRefused(ILogger logger, string reasons);
}
