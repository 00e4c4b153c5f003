using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Outbox → broker with a real in-process MQTTnet broker: delete only after a successful PUBACK.</summary>
public sealed class ReadingDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string ReadingsTopic = Topics.Readings(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessMqttBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task SimulatedStation_Readings_AreCommittedPublishedAndDeletedAfterPuback()
    {
        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);
        await using var gateway = GatewayUnderTest.Create(_broker.Url, SimulatedStation(count: 3));
        await gateway.StartAsync();

        var messages = await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) == 3, Timeout);
        await WaitForBacklogAsync(gateway, 0);

        var readings = WireReadings.From(messages, ReadingsTopic);
        Assert.Equal(3, gateway.Counters.CommittedCount);
        Assert.All(readings, r =>
        {
            Assert.Equal(ReadingMessage.SchemaV1, r.Schema);
            Assert.Equal(GatewayUnderTest.ClinicId, r.ClinicId);
            Assert.Equal(GatewayUnderTest.GatewayId, r.GatewayId);
            Assert.Equal("sim-1", r.Station);
            Assert.Null(r.PatientId);
            Assert.Equal("SIM-SIM-1", r.Device.Serial);
            Assert.Equal("cclp1", r.Device.Protocol);
        });
        Assert.All(messages, m => Assert.Equal(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, m.QualityOfService));
    }

    [Fact]
    public async Task BrokerRefusesPublish_ReadingsStayInOutboxUntilItAccepts()
    {
        var refusing = true;
        _broker.Server.InterceptingPublishAsync += e =>
        {
            if (refusing && e.ApplicationMessage.Topic == ReadingsTopic)
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MQTTnet.Protocol.MqttPubAckReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };
        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);
        await using var gateway = GatewayUnderTest.Create(_broker.Url, SimulatedStation(count: 2));
        await gateway.StartAsync();

        await Eventually.WaitAsync(
            () => gateway.Board.UplinkError?.Contains("NotAuthorized", StringComparison.Ordinal) == true && gateway.Counters.CommittedCount == 2,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => $"uplink error '{gateway.Board.UplinkError}', committed {gateway.Counters.CommittedCount}");
        Assert.Equal(2, gateway.Outbox.Count);
        Assert.Empty(subscriber.Messages);

        refusing = false;
        await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) == 2, Timeout);
        await WaitForBacklogAsync(gateway, 0);
    }

    [Fact]
    public async Task NoSubscriber_ReadingIsKeptAndDeliveredOnceOneSubscribes()
    {
        // "No matching subscribers" means nobody would get the reading: it is not a delivery.
        await using var gateway = GatewayUnderTest.Create(_broker.Url, SimulatedStation(count: 1));
        await gateway.StartAsync();
        await Eventually.WaitAsync(
            () => gateway.Board.UplinkError?.Contains("NoMatchingSubscribers", StringComparison.Ordinal) == true,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => $"uplink error '{gateway.Board.UplinkError}'");
        Assert.Equal(1, gateway.Outbox.Count);

        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);

        await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) == 1, Timeout);
        await WaitForBacklogAsync(gateway, 0);
    }

    internal static Dictionary<string, string?> SimulatedStation(int count) => new()
    {
        ["Edge:Stations:0:Name"] = "sim-1",
        ["Edge:Stations:0:Link"] = "simulated",
        ["Edge:Stations:0:SimulatedIntervalSeconds"] = "0.05",
        ["Edge:Stations:0:SimulatedCount"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Edge:Stations:0:SimulatedSeed"] = "11",
    };

    internal static Task WaitForBacklogAsync(GatewayUnderTest gateway, long backlog) =>
        Eventually.WaitAsync(
            () => gateway.Outbox.Count == backlog,
            h => gateway.Outbox.Changed += h,
            h => gateway.Outbox.Changed -= h,
            Timeout,
            () => $"outbox has {gateway.Outbox.Count}, want {backlog}");
}
