using CloudClinic.Contracts;
using CloudClinic.Testing;
using static CloudClinic.Edge.Gateway.Tests.SerialStationHarness;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Each serial glucose meter driver against its simulator through real socat ptys: a 500-record memory read twice, and the meter's clock checked.</summary>
public sealed class SerialMeterReadTests : IAsyncLifetime
{
    private SocatPtyPair _pty = null!;

    public static TheoryData<string> Meters => [.. SimulatedMeter.All.Keys];

    public static TheoryData<string> MetersWithClock => [.. SimulatedMeter.All.Values.Where(m => m.HasClock).Select(m => m.Protocol)];

    public async Task InitializeAsync() => _pty = await SocatPtyPair.StartAsync();

    public async Task DisposeAsync() => await _pty.DisposeAsync();

    [Theory]
    [MemberData(nameof(Meters))]
    public async Task ReadMemory_500Records_EachInOutboxOnceAndRereadAddsNothing(string protocol)
    {
        const int Records = 500;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter, _pty);
        await using var simulator = await meter.StartAsync(_pty.PortB, Records, "--sessions", "2");

        // Two complete reads of the same memory: the second must find every record already stored.
        await WaitAsync(gateway, () => gateway.Counters.MemoryReadCount >= 2);

        var readings = Readings(gateway);
        Assert.Equal(Records, gateway.Outbox.Count);
        Assert.Equal(Records, gateway.Counters.CommittedCount);
        Assert.True(gateway.Counters.DuplicateCount >= Records, $"duplicates {gateway.Counters.DuplicateCount}");
        Assert.True(gateway.Counters.RejectedCount == 0, Describe(gateway));
        Assert.Equal(Records, readings.Select(r => r.ReadingId).Distinct().Count());
        Assert.Equal(Records, readings.Select(r => r.MeasuredAt).Distinct().Count());
        Assert.All(readings, r =>
        {
            Assert.Equal(new DeviceInfo { Model = meter.Model, Serial = meter.Serial, Transport = Transports.Serial, Protocol = protocol }, r.Device);
            Assert.Equal(ReadingKinds.Glucose, r.Kind);
            Assert.Equal(TimeSpan.FromHours(8), r.MeasuredAt.Offset);
            Assert.Null(r.ClockSource);
            Assert.DoesNotContain("clockDrift", r.Flags);
            Assert.InRange(r.MgdL!.Value, 60, 350);
            Assert.Equal(Math.Round(r.MgdL.Value / 18.016, 2), Math.Round(r.MmolL!.Value, 2));
            Assert.StartsWith($"{protocol}-{meter.Serial}-glucose-r", r.ReadingId, StringComparison.Ordinal);
        });
        Assert.Equal(meter.NewestMeasuredAt, readings.Max(r => r.MeasuredAt));
    }

    [Theory]
    [MemberData(nameof(MetersWithClock))]
    public async Task ReadMemory_MeterClock12MinutesAhead_ReadingsFlaggedAndStatusSaysSo(string protocol)
    {
        const int Records = 5;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter, _pty);
        await using var simulator = await meter.StartAsync(_pty.PortB, Records, "--clock-offset-minutes", "12");

        await WaitAsync(gateway, () => gateway.Counters.MemoryReadCount >= 1 && gateway.Outbox.Count == Records);

        Assert.All(Readings(gateway), r => Assert.Contains("clockDrift", r.Flags));
        var station = gateway.Board.Stations.Single();
        Assert.True(station.Connected);
        // Minute-resolution clocks lose the seconds: 11 or 12 minutes ahead.
        Assert.Matches("^meter clock is 1[12] min ahead of the gateway's", station.LastError);
    }
}
