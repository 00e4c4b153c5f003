using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>A plain MQTT client for the tests: publishes raw payloads (as a gateway or an attacker would) and records what it sees.</summary>
internal sealed class MqttProbe : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<(string Topic, byte[] Payload, bool Retain)> _received = Channel.CreateUnbounded<(string, byte[], bool)>();

    private MqttProbe(IMqttClient client) => _client = client;

    public static async Task<MqttProbe> ConnectAsync(string host, int port, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var probe = new MqttProbe(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            probe._received.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(clientId).WithCleanStart(true).Build();
        await client.ConnectAsync(options);
        return probe;
    }

    public async Task SubscribeAsync(string topicFilter) =>
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public async Task PublishAsync(string topic, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _client.PublishAsync(message);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} failed: {result.ReasonCode}");
        }
    }

    /// <summary>The next message on a topic that satisfies <paramref name="match"/>.</summary>
    public async Task<(string Topic, byte[] Payload, bool Retain)> WaitForAsync(Func<string, byte[], bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var message in _received.Reader.ReadAllAsync(cts.Token))
            {
                if (match(message.Topic, message.Payload))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"no matching MQTT message within {timeout}");
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
