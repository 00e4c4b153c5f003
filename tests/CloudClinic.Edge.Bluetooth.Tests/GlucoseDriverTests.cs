using CloudClinic.Testing.Ble;
using CloudClinic.Contracts;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Tests.Harness;
using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class GlucoseDriverTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private static readonly string[] Meals = [MealContexts.Preprandial, MealContexts.Postprandial, MealContexts.Fasting, MealContexts.Casual, MealContexts.Bedtime];

    private readonly string _cursorPath = Path.Combine(Path.GetTempPath(), $"cloudclinic-racp-{Guid.NewGuid():N}.db");

    [BlueZFact]
    public async Task RunAsync_FirstSyncOf500RecordBacklog_CommitsEachRecordOnceInOrderWithItsMeal()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 500 });
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        Assert.Equal(Enumerable.Range(1, 500).Select(n => (ushort?)n), sink.Records.Select(r => r.Sequence));
        foreach (var record in sink.Records)
        {
            AssertIsBacklogRecord(record);
        }

        Assert.Equal("ble-GL0001-glucose-s42", sink.Records[41].IdempotencyKey);
        Assert.Equal(["0101"], await sim.GetWritesAsync("2a52"));
        Assert.Equal((ushort)500, await CursorAsync());
        Assert.Equal("RACP: transfer complete", sink.Sessions.Single(r => r.Completed).Detail);
    }

    [BlueZFact]
    public async Task RunAsync_AfterRestartWithNewRecords_AsksFromLastStoredPlusOneAndGetsOnlyThoseRecords()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 60 });
        await SyncAsync(sim, new RecordingSink(), s => s.Sessions.Any(r => r.Completed));
        await sim.AppendGlucoseRecordsAsync(20);
        var afterRestart = new RecordingSink();

        // A new client, driver and cursor store on the same file: what a gateway restart leaves.
        await SyncAsync(sim, afterRestart, s => s.Sessions.Any(r => r.Completed));

        Assert.Equal(Enumerable.Range(61, 20).Select(n => (ushort?)n), afterRestart.Records.Select(r => r.Sequence));
        Assert.Equal(["0101", "0103013d00"], await sim.GetWritesAsync("2a52"));
        Assert.Equal((ushort)80, await CursorAsync());
    }

    [BlueZFact]
    public async Task RunAsync_MeterDisconnectsMidTransfer_ReconnectsAndResumesWithNothingLostOrDuplicated()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 500 });
        await sim.SetFaultAsync("disconnect-after", 200);
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        Assert.Equal(Enumerable.Range(1, 500).Select(n => (ushort?)n), sink.Records.Select(r => r.Sequence));
        var failed = Assert.Single(sink.Sessions, r => !r.Completed);
        Assert.Contains("disconnected during the transfer", failed.Detail, StringComparison.Ordinal);
        var writes = await sim.GetWritesAsync("2a52");
        Assert.Equal(2, writes.Length);
        Assert.Equal("0101", writes[0]);
        // The resume asks for the record after the last one committed before the link dropped.
        var resumeFrom = Convert.ToUInt16(writes[1][8..10] + writes[1][6..8], 16);
        Assert.Equal("010301", writes[1][..6]);
        Assert.InRange(resumeFrom, 195, 201);
        Assert.Equal((ushort)500, await CursorAsync());
    }

    [BlueZFact]
    public async Task RunAsync_GarbledRecordInBacklog_RejectsItWithReasonAndSyncsTheRest()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 120 });
        await sim.SetFaultAsync("garble-sequence", 100);
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        var rejected = Assert.Single(sink.Rejected);
        Assert.Equal((0x2A18, "truncated in the timestamp", 6), (rejected.Characteristic, rejected.Reason, rejected.Raw.Length));
        Assert.Equal(Enumerable.Range(1, 120).Where(n => n != 100).Select(n => (ushort?)n), sink.Records.Select(r => r.Sequence));
        Assert.Equal((119, 1), (sink.Sessions.Single(r => r.Completed).Records, sink.Sessions.Single(r => r.Completed).Rejected));
    }

    [BlueZFact]
    public async Task RunAsync_EmptyMeter_EndsWithNoRecordsFound()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 0 });
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        Assert.Empty(sink.Records);
        Assert.Equal("RACP: no new records", sink.Sessions.Single(r => r.Completed).Detail);
        Assert.Null(await CursorAsync());
    }

    [BlueZFact]
    public async Task RunAsync_RacpAnswersOperatorNotSupported_FailsTheSessionAndRetriesSuccessfully()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 30 });
        await sim.SetFaultAsync("racp-code", 0x04);
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        Assert.Contains("OperatorNotSupported", Assert.Single(sink.Sessions, r => !r.Completed).Detail, StringComparison.Ordinal);
        Assert.Equal(30, sink.Records.Count);
    }

    [BlueZFact]
    public async Task RunAsync_MeterClockFifteenMinutesBehind_FlagsDriftAndSetsTheMeterClock()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 3 });
        await sim.SetClockOffsetAsync("glucose", -900);
        var sink = new RecordingSink();

        await SyncAsync(sim, sink, s => s.Sessions.Any(r => r.Completed));

        Assert.All(sink.Records, r => Assert.True(r.ClockDrift));
        Assert.InRange(sink.Records[0].MeterClockOffset!.Value.TotalSeconds, -905, -895);
        Assert.Single(await sim.GetWritesAsync("2a2b"));
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_cursorPath + suffix);
        }
    }

    /// <summary>Backlog record n as ble_meters.py encodes it: mg/dL 70 + (n·37 mod 230), meal for every third.</summary>
    private static void AssertIsBacklogRecord(BleMeterRecord record)
    {
        var n = record.Sequence!.Value;
        var glucose = Assert.IsType<GlucoseRecord>(record.Reading);
        Assert.Equal(70 + (n * 37 % 230), glucose.GlucoseMgdL);
        Assert.Equal(n % 3 == 0 ? Meals[n / 3 % 5] : MealContexts.Unknown, glucose.Meal);
        Assert.Equal(new DateTime(2024, 3, 1, 6, 0, 0).AddHours(n), glucose.MeasuredAt!.Value.DateTime);
        Assert.Equal(n, glucose.RecordNumber);
        Assert.False(record.ClockDrift);
    }

    private async Task SyncAsync(BleSimulator sim, RecordingSink sink, Func<RecordingSink, bool> done)
    {
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);
        using var cursor = new SqliteRacpCursorStore(_cursorPath);
        using var stop = new CancellationTokenSource();
        var run = DriverFactory.Create(DriverFactory.Options(BleMeterKind.Glucose), client, sink, cursor).RunAsync(stop.Token);
        try
        {
            await sink.WaitAsync(done, Timeout, "the glucose sync");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    private async Task<ushort?> CursorAsync()
    {
        using var cursor = new SqliteRacpCursorStore(_cursorPath);
        return await cursor.GetLastSequenceAsync(BleSimulator.GlucoseAddress, CancellationToken.None);
    }
}
