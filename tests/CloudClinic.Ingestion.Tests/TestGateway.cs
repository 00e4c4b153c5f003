using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion.Tests;

/// <summary>A gateway stand-in: publishes readings (or any bytes) at QoS 1 and checks the broker took them.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private TestGateway()
    {
    }

    public static async Task<TestGateway> ConnectAsync(string mqttUrl)
    {
        var gateway = new TestGateway();
        var options = MqttConnection.CreateBuilder(new MqttOptions { Url = mqttUrl })
            .WithClientId("test-gateway-" + Guid.NewGuid().ToString("N")[..8])
            .Build();
        await gateway._client.ConnectAsync(options);
        return gateway;
    }

    public Task PublishAsync(ReadingMessage reading, string? topic = null) =>
        PublishAsync(topic ?? Topics.Readings(reading.ClinicId, reading.GatewayId), ReadingPayload.Serialize(reading));

    public async Task PublishAsync(string topic, byte[] payload)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
