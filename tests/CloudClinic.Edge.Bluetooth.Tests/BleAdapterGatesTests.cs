using CloudClinic.Testing.Ble;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Tests.Harness;

namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class BleAdapterGatesTests : IDisposable
{
    private readonly string _cursorPath = Path.Combine(Path.GetTempPath(), $"cloudclinic-racp-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EnterAsync_SameAdapterHeld_SecondWaitsUntilFirstIsReleased()
    {
        using var gates = new BleAdapterGates();
        var first = await gates.EnterAsync("hci0", CancellationToken.None);

        var second = gates.EnterAsync("hci0", CancellationToken.None);
        var otherAdapter = await gates.EnterAsync("hci1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        first.Dispose();
        first.Dispose();

        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        otherAdapter.Dispose();
        // A double dispose released once: the gate is free exactly once more.
        (await gates.EnterAsync("hci0", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [BlueZFact]
    public async Task RunAsync_BloodPressureAndGlucoseMeterOnOneAdapter_NeverConnectsBothAtOnce()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 200 });
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-derdilla-timestamp.hex"));
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);
        using var cursor = new SqliteRacpCursorStore(_cursorPath);
        using var gates = new BleAdapterGates();
        var bpSink = new RecordingSink();
        var glucoseSink = new RecordingSink();
        using var stop = new CancellationTokenSource();

        var bp = DriverFactory.Create(DriverFactory.Options(BleMeterKind.BloodPressure), client, bpSink, cursor, gates).RunAsync(stop.Token);
        var glucose = DriverFactory.Create(DriverFactory.Options(BleMeterKind.Glucose), client, glucoseSink, cursor, gates).RunAsync(stop.Token);
        try
        {
            await bpSink.WaitAsync(s => s.Sessions.Any(r => r.Completed), TimeSpan.FromSeconds(30), "the BP session");
            await glucoseSink.WaitAsync(s => s.Sessions.Any(r => r.Completed), TimeSpan.FromSeconds(30), "the glucose sync");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(bp, glucose);
        }

        var stats = await sim.GetStatsAsync();
        Assert.Equal(1u, stats["maxConcurrentConnections"].GetUInt32());
        Assert.Equal(2u, stats["connects"].GetUInt32());
        Assert.Single(bpSink.Records);
        Assert.Equal(200, glucoseSink.Records.Count);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_cursorPath + suffix);
        }
    }
}
