using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using CloudClinic.Ingestion.Mqtt;
using CloudClinic.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// The ingest keeps MQTTnet's own payload array instead of a copy. That is safe only while MQTTnet gives each message
/// an array of its own and never writes to it again; these tests pin that, through the ingest's own connection
/// (<see cref="BufferedAdapterFactory"/>), so an MQTTnet upgrade that pools payload buffers fails here, not in the store.
/// </summary>
public sealed class ReceivedPayloadTests
{
    [Fact]
    public async Task Keep_ThroughTheIngestsConnection_EachPayloadItsOwnArray_UnchangedByLaterMessages()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        using var client = new MqttClientFactory().CreateMqttClient(new BufferedAdapterFactory());
        var kept = new ConcurrentQueue<(byte[] Kept, bool Own)>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload;
            var array = ReceivedPayload.Keep(payload);
            var own = MemoryMarshal.TryGetArray(payload.First, out var segment) && ReferenceEquals(segment.Array, array);
            kept.Enqueue((array, own));
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("payload-test").Build());
        await client.SubscribeAsync("payload/test", MqttQualityOfServiceLevel.AtLeastOnce);

        // Equal lengths, different bytes: a reused buffer would overwrite an earlier payload with a later one.
        var random = new Random(20261129);
        var sent = Enumerable.Range(0, 200).Select(_ => RandomBytes(random, 4_000)).ToList();
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("payload-publisher").Build());
        foreach (var payload in sent)
        {
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("payload/test").WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (kept.Count < sent.Count)
        {
            await Task.Delay(20, timeout.Token);
        }

        var received = kept.ToList();
        Assert.Equal(sent, received.Select(k => k.Kept));
        Assert.Equal(sent.Count, received.Select(k => k.Kept).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.True(received.All(k => k.Own), "MQTTnet no longer hands each payload in an exact array of its own: Keep copies every payload");
    }

    [Fact]
    public void Keep_SliceOfALargerBuffer_IsCopied()
    {
        var buffer = new byte[] { 9, 1, 2, 3, 9 };
        var kept = ReceivedPayload.Keep(new ReadOnlySequence<byte>(buffer, 1, 3));

        Assert.Equal([1, 2, 3], kept);
        Assert.NotSame(buffer, kept);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
