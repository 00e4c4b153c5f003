using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>
/// Each serial glucose meter driver against its simulator through real socat ptys and the real gateway: full reads
/// into the outbox, a 500-record memory read twice, damaged frames, unplug/replug mid-transfer and clock drift.
/// Nothing listens on the MQTT port, so every reading stays in the outbox where losses and duplicates would show.
/// </summary>
public sealed class SerialMeterDriverTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
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
        await using var gateway = await StartGatewayAsync(meter);
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
    [MemberData(nameof(Meters))]
    public async Task ReadMemory_BadChecksum_FrameRejectedWithReasonAndEveryRecordStillRead(string protocol)
    {
        const int Records = 20;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter);
        await using var simulator = await meter.StartAsync(_pty.PortB, Records, "--sessions", "0", "--fault", "bad-checksum", "--fault-record", "5");

        // The damaged record is rejected; the rest of that read goes on, and a later read (or a re-asked answer) gets it.
        await WaitAsync(gateway, () => gateway.Outbox.Count == Records && gateway.Counters.RejectedCount >= 1);

        Assert.Equal(Records, gateway.Counters.CommittedCount);
        var rejected = gateway.RejectedFrames.Recent(10);
        Assert.Contains(rejected, f => f.Reason.Contains("checksum", StringComparison.Ordinal) && f.Station == "glucose-1" && f.Raw.Length > 0);
        Assert.Equal(Records, Readings(gateway).Select(r => r.ReadingId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Meters))]
    public async Task ReadMemory_GarbledAndTruncatedFrames_RejectedAndEveryRecordStillRead(string protocol)
    {
        const int Records = 12;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter);
        await using (var garbled = await meter.StartAsync(_pty.PortB, Records, "--sessions", "0", "--fault", "garbled", "--fault-record", "3"))
        {
            await WaitAsync(gateway, () => gateway.Outbox.Count == Records && gateway.Counters.RejectedCount >= 1);
        }

        var rejectedAfterGarbled = gateway.Counters.RejectedCount;
        var reads = gateway.Counters.MemoryReadCount;
        await using var truncated = await meter.StartAsync(_pty.PortB, Records, "--sessions", "0", "--fault", "truncated", "--fault-record", "7");
        await WaitAsync(gateway, () => gateway.Counters.MemoryReadCount >= reads + 2 && gateway.Counters.RejectedCount > rejectedAfterGarbled);

        Assert.Equal(Records, gateway.Outbox.Count);
        Assert.Equal(Records, gateway.Counters.CommittedCount);
    }

    [Theory]
    [MemberData(nameof(Meters))]
    public async Task ReadMemory_UnpluggedMidTransferThenReplugged_ResumesWithoutLossOrDuplicate(string protocol)
    {
        const int Records = 100;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter);
        await using (var first = await meter.StartAsync(_pty.PortB, Records, "--fault", "unplug", "--fault-record", "40"))
        {
            await first.WaitForOutputAsync("unplugged after", Timeout);
        }

        var committedBeforeReplug = gateway.Counters.CommittedCount;
        await _pty.UnplugAsync();
        await WaitForBoardAsync(gateway, () => !gateway.Board.Stations.Single().Connected);
        await _pty.ReplugAsync();
        await using var second = await meter.StartAsync(_pty.PortB, Records, "--sessions", "1");

        await WaitAsync(gateway, () => gateway.Outbox.Count == Records && gateway.Counters.MemoryReadCount >= 1);

        Assert.InRange(committedBeforeReplug, 0, Records / 2);
        Assert.Equal(Records, gateway.Counters.CommittedCount);
        Assert.Equal(Records, Readings(gateway).Select(r => r.ReadingId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(MetersWithClock))]
    public async Task ReadMemory_MeterClock12MinutesAhead_ReadingsFlaggedAndStatusSaysSo(string protocol)
    {
        const int Records = 5;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter);
        await using var simulator = await meter.StartAsync(_pty.PortB, Records, "--clock-offset-minutes", "12");

        await WaitAsync(gateway, () => gateway.Counters.MemoryReadCount >= 1 && gateway.Outbox.Count == Records);

        Assert.All(Readings(gateway), r => Assert.Contains("clockDrift", r.Flags));
        var station = gateway.Board.Stations.Single();
        Assert.True(station.Connected);
        // Minute-resolution clocks lose the seconds: 11 or 12 minutes ahead.
        Assert.Matches("^meter clock is 1[12] min ahead of the gateway's", station.LastError);
    }

    private async Task<GatewayUnderTest> StartGatewayAsync(SimulatedMeter meter)
    {
        var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", meter.Station(_pty.PortA));
        await gateway.StartAsync();
        await WaitForBoardAsync(gateway, () => gateway.Board.Stations.Single().Connected);
        return gateway;
    }

    private static IReadOnlyList<ReadingMessage> Readings(GatewayUnderTest gateway) =>
        [.. gateway.Outbox.Peek(100_000, new HashSet<string>()).Select(e => e.Reading)];

    private static Task WaitAsync(GatewayUnderTest gateway, Func<bool> condition) =>
        Eventually.WaitAsync(
            condition,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => Describe(gateway));

    private static Task WaitForBoardAsync(GatewayUnderTest gateway, Func<bool> condition) =>
        Eventually.WaitAsync(
            condition,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => Describe(gateway));

    private static string Describe(GatewayUnderTest gateway)
    {
        var station = gateway.Board.Stations.Single();
        return $"outbox {gateway.Outbox.Count}, committed {gateway.Counters.CommittedCount}, duplicates {gateway.Counters.DuplicateCount}, " +
            $"rejected {gateway.Counters.RejectedCount}, memory reads {gateway.Counters.MemoryReadCount}, connected {station.Connected}, " +
            $"last error {station.LastError}; log tail: {string.Join(" | ", gateway.Logs.Where(l => l.Contains("glucose-1", StringComparison.Ordinal)).TakeLast(8))}";
    }
}
