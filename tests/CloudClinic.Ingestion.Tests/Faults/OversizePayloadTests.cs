using CloudClinic.Alerts.Mqtt;
using CloudClinic.Contracts;
using CloudClinic.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Ingestion.Tests.Faults;

/// <summary>
/// A 10 MB payload on a readings topic, against real mosquitto: refused with a reason either by the broker
/// (<c>message_size_limit</c>, PUBACK reason "packet too large" to the sender) or by the ingest's own cap
/// (<c>Ingest:MaxPayloadBytes</c>: dead-lettered, acknowledged) — and the readings behind it still land.
/// </summary>
public sealed class OversizePayloadTests : IAsyncLifetime
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int PacketTooLarge = 0x95;
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private readonly List<MosquittoProcess> _brokers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var broker in _brokers)
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task TenMegabytePayload_DeadLetteredWithSizeReason_ReadingsBehindItStored()
    {
        var mosquitto = await StartBrokerAsync(extraConfig: null);
        await using var ingest = await IngestHost.StartAsync(mosquitto.Url);

        await ingest.PublishAsync(Topics.Readings("clinic-a", "gw-1"), TenMegabytePayload());
        await ingest.PublishAsync(Readings.BloodPressure("behind-the-big-one"));
        await ingest.Counters.WaitForAsync(IngestMetrics.DeadLettered, 1, Timeout);
        await ingest.Counters.WaitForAsync(IngestMetrics.Stored, 1, Timeout);

        var deadLetter = Assert.Single(await ingest.DeadLetters.ListAsync(10, CancellationToken.None));
        Assert.Equal($"payload of {TenMegabytes} bytes exceeds Ingest:MaxPayloadBytes (1048576 bytes)", deadLetter.Reason);
        Assert.Equal(TenMegabytes, deadLetter.PayloadLength);
        Assert.True(deadLetter.IsTruncated);
        Assert.Single(await ingest.Readings.LatestAsync("clinic-a", 10, CancellationToken.None));
    }

    [Fact]
    public async Task TenMegabytePayload_BrokerSizeLimit_SenderToldPacketTooLarge_IngestUnaffected()
    {
        // mosquitto.conf(5): message_size_limit drops larger PUBLISHes; to an MQTT 5 sender it answers with a
        // PUBACK whose reason code is 0x95 Packet too large, so the gateway learns why.
        var mosquitto = await StartBrokerAsync(extraConfig: "message_size_limit 1048576");
        await using var ingest = await IngestHost.StartAsync(mosquitto.Url);
        using var sender = new MqttClientFactory().CreateMqttClient();
        await sender.ConnectAsync(MqttConnection.CreateBuilder(new MqttOptions { Url = mosquitto.Url }).WithClientId("big-sender").Build());

        var result = await sender.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Readings("clinic-a", "gw-1"))
            .WithPayload(TenMegabytePayload())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        await ingest.PublishAsync(Readings.Glucose("behind-the-refused-one"));
        await ingest.Counters.WaitForAsync(IngestMetrics.Stored, 1, Timeout);

        Assert.False(result.IsSuccess, result.ReasonCode.ToString());
        // 0x95 is a DISCONNECT reason in MQTT 5 §3.14.2.1 that mosquitto also puts in PUBACK; MQTTnet's PUBACK enum
        // has no name for it.
        Assert.Equal(PacketTooLarge, (int)result.ReasonCode);
        Assert.Equal(1, ingest.Counters[IngestMetrics.Received]);
        Assert.Equal(0, ingest.Counters[IngestMetrics.DeadLettered]);
    }

    private async Task<MosquittoProcess> StartBrokerAsync(string? extraConfig)
    {
        var broker = await MosquittoProcess.StartAsync(extraConfig);
        _brokers.Add(broker);
        return broker;
    }

    /// <summary>A JSON-looking reading padded to 10 MB, as a broken or hostile gateway might send.</summary>
    private static byte[] TenMegabytePayload()
    {
        var payload = new byte[TenMegabytes];
        payload.AsSpan().Fill((byte)' ');
        "{\"schema\":\"cloudclinic.reading/1\",\"pad\":\""u8.CopyTo(payload);
        return payload;
    }
}
