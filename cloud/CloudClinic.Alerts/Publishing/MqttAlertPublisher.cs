using System.Text.Json;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Publishing;

/// <summary>
/// Publishes alert events at QoS 1 to <c>cloudclinic/v1/{clinic}/alerts</c> on its own connection, connecting on
/// first use and again after a drop. Success means the broker's PUBACK said so (MQTTnet 5 reports NotAuthorized
/// and the like as a result, not an exception); anything else is an <see cref="AlertPublishException"/>.
/// </summary>
internal sealed partial class MqttAlertPublisher : IAlertPublisher, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly ILogger<MqttAlertPublisher> _logger;
    private readonly IMqttClient _client;
    private readonly string _clientId = $"cloudclinic-alerts-{Guid.NewGuid():N}"[..27];
    private readonly SemaphoreSlim _connectLock = new(1, 1);

    public MqttAlertPublisher(IOptions<MqttOptions> options, ILogger<MqttAlertPublisher> logger)
    {
        _options = options.Value;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
    }

    public async Task PublishAsync(AlertEventMessage alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await EnsureConnectedAsync(ct);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Alerts(alert.ClinicId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(alert, ContractJsonContext.Default.AlertEventMessage))
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new AlertPublishException($"alert {alert.AlertId} not published: {ex.Message}", ex);
        }

        // Success or NoMatchingSubscribers: the broker took it.
        if (!result.IsSuccess)
        {
            throw new AlertPublishException($"broker refused alert {alert.AlertId}: {result.ReasonCode} {result.ReasonString}");
        }

        LogPublished(_logger, alert.AlertId, alert.Rule, alert.ClinicId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDisconnectFailed(_logger, ex.Message);
            }
        }

        _client.Dispose();
        _connectLock.Dispose();
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
            if (_client.IsConnected)
            {
                return;
            }

            // Clean start: the publisher holds no subscriptions, and an unconfirmed publish is retried by the caller.
            var options = MqttConnection.CreateBuilder(_options).WithClientId(_clientId).WithCleanStart(true).Build();
            var result = await _client.ConnectAsync(options, ct);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new AlertPublishException($"broker {_options.Url} refused the alert publisher: {result.ResultCode} {result.ReasonString}");
            }

            LogConnected(_logger, _options.Url, _clientId);
        }
        catch (Exception ex) when (ex is not AlertPublishException && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            throw new AlertPublishException($"cannot connect to broker {_options.Url} to publish alerts: {ex.Message}", ex);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert publisher connected to {Url} as {ClientId}")]
    private static partial void LogConnected(ILogger logger, string url, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published alert {AlertId} ({Rule}) for clinic {ClinicId}")]
    private static partial void LogPublished(ILogger logger, string alertId, string rule, string clinicId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert publisher disconnect failed: {Reason}")]
    private static partial void LogDisconnectFailed(ILogger logger, string reason);
}
