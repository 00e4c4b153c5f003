using System.Text.Json;
using System.Threading.Channels;
using CloudClinic.Contracts;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion.Tests;

/// <summary>A dashboard stand-in: subscribes to every clinic's alerts topic and queues what arrives.</summary>
internal sealed class AlertListener : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<AlertEventMessage> _alerts = Channel.CreateUnbounded<AlertEventMessage>();

    private AlertListener()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var alert = JsonSerializer.Deserialize(e.ApplicationMessage.Payload.FirstSpan, ContractJsonContext.Default.AlertEventMessage);
            _alerts.Writer.TryWrite(alert!);
            return Task.CompletedTask;
        };
    }

    public static async Task<AlertListener> StartAsync(int port)
    {
        var listener = new AlertListener();
        await listener._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await listener._client.SubscribeAsync(Topics.AllAlerts, MqttQualityOfServiceLevel.AtLeastOnce);
        return listener;
    }

    public async Task<AlertEventMessage> NextAsync(TimeSpan timeout) => await _alerts.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public bool TryNext(out AlertEventMessage? alert) => _alerts.Reader.TryRead(out alert);

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
