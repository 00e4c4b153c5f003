using CloudClinic.Testing;
using static CloudClinic.Edge.Gateway.Tests.SerialStationHarness;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Each serial glucose meter driver against a faulty simulator: damaged frames are rejected with a reason and counted, unplugging mid-transfer loses and duplicates nothing.</summary>
public sealed class SerialMeterFaultTests : IAsyncLifetime
{
    private SocatPtyPair _pty = null!;

    public static TheoryData<string> Meters => [.. SimulatedMeter.All.Keys];

    public async Task InitializeAsync() => _pty = await SocatPtyPair.StartAsync();

    public async Task DisposeAsync() => await _pty.DisposeAsync();

    [Theory]
    [MemberData(nameof(Meters))]
    public async Task ReadMemory_BadChecksum_FrameRejectedWithReasonAndEveryRecordStillRead(string protocol)
    {
        const int Records = 20;
        var meter = SimulatedMeter.All[protocol];
        await using var gateway = await StartGatewayAsync(meter, _pty);
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
        await using var gateway = await StartGatewayAsync(meter, _pty);
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
        await using var gateway = await StartGatewayAsync(meter, _pty);
        await using (var first = await meter.StartAsync(_pty.PortB, Records, "--fault", "unplug", "--fault-record", "40"))
        {
            await first.WaitForOutputAsync("unplugged after", SerialStationHarness.Timeout);
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
}
