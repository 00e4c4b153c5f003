using System.IO.Ports;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>A meter on a real socat pty pair: frames in, wire readings out; broker outages and duplicates.</summary>
public sealed class PtyMeterTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string ReadingsTopic = Topics.Readings(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private static readonly DateTimeOffset MeterClock = new(2025, 3, 1, 8, 15, 0, TimeSpan.FromHours(8));
    private SocatPtyPair _pty = null!;
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _pty = await SocatPtyPair.StartAsync();
        _broker = await InProcessMqttBroker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _pty.DisposeAsync();
    }

    [Fact]
    public async Task SerialStation_BloodPressureFrame_IsPublishedAsWireReading()
    {
        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);
        await using var gateway = GatewayUnderTest.Create(_broker.Url, SerialStation());
        await gateway.StartAsync();
        await WaitForStationAsync(gateway);

        using var meter = OpenMeter();
        meter.Write("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E\r\n");

        var messages = await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) == 1, Timeout);
        var reading = Assert.Single(WireReadings.From(messages, ReadingsTopic));
        Assert.Equal("cclp1-BP0042-bloodPressure-r17-20250301T001500Z", reading.ReadingId);
        Assert.Equal(ReadingKinds.BloodPressure, reading.Kind);
        Assert.Equal(MeterClock, reading.MeasuredAt);
        Assert.Null(reading.ClockSource);
        Assert.Equal(182, reading.Systolic);
        Assert.Equal(112, reading.Diastolic);
        Assert.Equal(80, reading.Pulse);
        Assert.Equal(PressureUnits.MmHg, reading.OriginalUnit);
        Assert.Equal("bp-1", reading.Station);
        Assert.Equal(new DeviceInfo { Model = "cclp1-meter", Serial = "BP0042", Transport = Transports.Serial, Protocol = "cclp1" }, reading.Device);
        await ReadingDeliveryTests.WaitForBacklogAsync(gateway, 0);
    }

    [Fact]
    public async Task BrokerDown_ReadingsStayInOutboxAndAllArriveAsArrayBatchAfterRestart()
    {
        const int Sent = 50;
        await using var gateway = GatewayUnderTest.Create(_broker.Url, SerialStation());
        await gateway.StartAsync();
        await WaitForStationAsync(gateway);
        await _broker.Published.WaitForAsync(m => m.Any(x => x.ClientId == GatewayUnderTest.ClientId), Timeout);

        await _broker.StopAsync();
        using (var meter = OpenMeter())
        {
            for (var record = 1; record <= Sent; record++)
            {
                // The last one is urgent: it must jump the queue when the backlog is replayed.
                var systolic = record == Sent ? 182 : 120 + (record % 20);
                meter.BaseStream.Write(LineProtocolWriter.Encode(BloodPressure(record, systolic)));
            }
        }

        await ReadingDeliveryTests.WaitForBacklogAsync(gateway, Sent);
        await _broker.RestartAsync();
        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);

        var messages = await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) >= Sent, Timeout);
        await ReadingDeliveryTests.WaitForBacklogAsync(gateway, 0);

        var received = WireReadings.From(messages, ReadingsTopic).Select(r => r.ReadingId).ToHashSet();
        var sentIds = Enumerable.Range(1, Sent).Select(r => $"cclp1-BP0042-bloodPressure-r{r}-{MeterClock.AddMinutes(r).UtcDateTime:yyyyMMdd'T'HHmmss}Z").ToHashSet();
        Assert.Equal(Sent, gateway.Counters.CommittedCount);
        Assert.Equal(Sent, received.Count);
        Assert.Empty(sentIds.Except(received));
        var batch = messages.First(m => m.Topic == ReadingsTopic);
        Assert.Equal((byte)'[', batch.Payload.Span[0]);
        Assert.Equal(182, WireReadings.From([batch], ReadingsTopic)[0].Systolic);
    }

    [Fact]
    public async Task SameFrameReadTwice_IsOneOutboxRow()
    {
        // Nothing listens on this port: readings stay in the outbox, where duplicates would show.
        await using var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", SerialStation());
        await gateway.StartAsync();
        await WaitForStationAsync(gateway);

        using var meter = OpenMeter();
        var frame = LineProtocolWriter.Encode(BloodPressure(7, 131));
        meter.BaseStream.Write([.. frame, .. frame]);

        await Eventually.WaitAsync(
            () => gateway.Counters.CommittedCount + gateway.Counters.DuplicateCount == 2,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => $"committed {gateway.Counters.CommittedCount}, duplicates {gateway.Counters.DuplicateCount}");
        Assert.Equal(1, gateway.Counters.CommittedCount);
        Assert.Equal(1, gateway.Counters.DuplicateCount);
        Assert.Equal(1, gateway.Outbox.Count);
    }

    [Fact]
    public async Task BadFrames_AreCountedLoggedAndKeptWithTheirBytes()
    {
        await using var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", SerialStation());
        await gateway.StartAsync();
        await WaitForStationAsync(gateway);

        using var meter = OpenMeter();
        meter.Write("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*00\r\n");
        meter.Write(LineProtocolWriter.FromBody("CCBP,BP0042,18,20250301T081500+0800,112,182,,80,mmHg,"));
        meter.Write(LineProtocolWriter.EncodeToString(BloodPressure(19, 125)));

        await Eventually.WaitAsync(
            () => gateway.Counters.RejectedCount == 2 && gateway.Counters.CommittedCount == 1,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => $"rejected {gateway.Counters.RejectedCount}, committed {gateway.Counters.CommittedCount}");
        var kept = gateway.RejectedFrames.Recent(10);
        Assert.Equal(2, kept.Count);
        Assert.StartsWith("impossible blood pressure", kept[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("checksum mismatch", kept[1].Reason, StringComparison.Ordinal);
        Assert.Equal("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*00"u8.ToArray(), kept[1].Raw.ToArray());
        Assert.Equal("bp-1", kept[1].Station);
        Assert.Contains(gateway.Logs, l => l.Contains("frame rejected: checksum mismatch", StringComparison.Ordinal));
    }

    private static BloodPressureRecord BloodPressure(int record, int systolic) => new()
    {
        MeterSerial = "BP0042",
        RecordNumber = record,
        MeasuredAt = MeterClock.AddMinutes(record),
        SystolicMmHg = systolic,
        DiastolicMmHg = 80,
        PulseBpm = 70,
    };

    private static Task WaitForStationAsync(GatewayUnderTest gateway) =>
        Eventually.WaitAsync(
            () => gateway.Board.Stations.Single().Connected,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => $"station not connected: {gateway.Board.Stations.Single().LastError}");

    private Dictionary<string, string?> SerialStation() => new()
    {
        ["Edge:Stations:0:Name"] = "bp-1",
        ["Edge:Stations:0:Link"] = "serial",
        ["Edge:Stations:0:Port"] = _pty.PortA,
    };

    private SerialPort OpenMeter()
    {
        var port = new SerialPort(_pty.PortB, 9600);
        port.Open();
        return port;
    }
}
