using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CloudClinic.Bench;

/// <summary>
/// The publisher at full speed: pre-serialized payloads at QoS 1 with a window of publishes in flight (awaiting each
/// one alone caps MQTTnet at 7–12k msg/s, PLATFORM-NOTES.md). Counts what the broker refused.
/// </summary>
internal sealed class MqttFirehose : IAsyncDisposable
{
    private const int Window = 2000;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public static async Task<MqttFirehose> ConnectAsync(int port)
    {
        var firehose = new MqttFirehose();
        await firehose._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("bench-publisher-" + port.ToString(CultureInfo.InvariantCulture))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build());
        return firehose;
    }

    public async Task PublishAsync(string topic, IReadOnlyList<byte[]> payloads)
    {
        using var window = new SemaphoreSlim(Window, Window);
        var pending = new List<Task>(payloads.Count);
        foreach (var payload in payloads)
        {
            await window.WaitAsync();
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            pending.Add(PublishOneAsync(message, window));
        }

        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task PublishOneAsync(MqttApplicationMessage message, SemaphoreSlim window)
    {
        try
        {
            var result = await _client.PublishAsync(message);
            if (!result.IsSuccess)
            {
                Interlocked.Increment(ref _refused);
            }
        }
        finally
        {
            window.Release();
        }
    }
}
