using CloudClinic.Testing.Ble;
using CloudClinic.Contracts;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Tests.Harness;
using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class BloodPressureDriverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [BlueZFact]
    public async Task RunAsync_IndicationWithTimestamp_CommitsDecodedRecordWithMeterIdentity()
    {
        await using var sim = await BleSimulator.StartAsync();
        await sim.QueueBloodPressureAsync(0x2A36, HexFile.Read("bpm-nordic-kpa.hex"));
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-derdilla-timestamp.hex"));
        var sink = new RecordingSink();

        await RunUntilAsync(sim, DriverFactory.Options(BleMeterKind.BloodPressure), sink, s => s.Sessions.Any(r => r.Completed));

        var record = Assert.Single(sink.Records);
        var bp = Assert.IsType<BloodPressureRecord>(record.Reading);
        Assert.Equal((124.0, 86.0, 97.0, 51), (bp.SystolicMmHg, bp.DiastolicMmHg, bp.MeanArterialMmHg!.Value, bp.PulseBpm!.Value));
        Assert.Equal(new DateTime(2024, 6, 15, 17, 17, 27), bp.MeasuredAt!.Value.DateTime);
        Assert.Equal(new BleMeterIdentity { Address = BleSimulator.BpAddress, Kind = BleMeterKind.BloodPressure, Model = "UA-651BLE", Serial = "BP0001", Profile = "standard" }, record.Meter);
        Assert.Equal(("BP0001", ClockSources.Meter, "ble-BP0001-bloodPressure-t20240615T171727"), (bp.MeterSerial, record.ClockSource, record.IdempotencyKey));
        Assert.False(record.ClockDrift);
        var session = sink.Sessions.First(r => r.Completed);
        Assert.Equal((1, 0, 1), (session.Records, session.Rejected, session.CuffPressureIgnored));
        // The gateway set the meter's clock (Current Time 0x2A2B, Exact Time 256: 10 bytes).
        Assert.Equal(20, Assert.Single(await sim.GetWritesAsync("2a2b")).Length);
    }

    [BlueZFact]
    public async Task RunAsync_TimestampYearZero_RecordHasNoMeterTimeAndGatewayClockSource()
    {
        await using var sim = await BleSimulator.StartAsync();
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-nordic-full-year0.hex"));
        var sink = new RecordingSink();

        await RunUntilAsync(sim, DriverFactory.Options(BleMeterKind.BloodPressure), sink, s => s.Records.Count == 1);

        var record = Assert.Single(sink.Records);
        Assert.Null(record.Reading.MeasuredAt);
        Assert.Equal(ClockSources.Gateway, record.ClockSource);
        Assert.StartsWith("ble-BP0001-bloodPressure-rx", record.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal([ReadingFlags.IrregularPulse, ReadingFlags.BodyMovement, ReadingFlags.CuffLoose, ReadingFlags.ImproperPosition], record.Reading.Flags);
    }

    [BlueZFact]
    public async Task RunAsync_GarbledIndicationThenGoodOne_RejectsWithReasonCountsAndContinues()
    {
        await using var sim = await BleSimulator.StartAsync();
        var garbled = HexFile.Read("bpm-derdilla-timestamp.hex")[..9];
        await sim.QueueBloodPressureAsync(0x2A35, garbled);
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-nordic-kpa.hex"));
        var sink = new RecordingSink();

        await RunUntilAsync(sim, DriverFactory.Options(BleMeterKind.BloodPressure), sink, s => s.Sessions.Any(r => r.Completed));

        var rejected = Assert.Single(sink.Rejected);
        Assert.Equal((0x2A35, "truncated in the timestamp"), (rejected.Characteristic, rejected.Reason));
        Assert.Equal(garbled, rejected.Raw.ToArray());
        var bp = Assert.IsType<BloodPressureRecord>(Assert.Single(sink.Records).Reading);
        Assert.Equal((141.8, 82.5, PressureUnits.KPa), (Math.Round(bp.SystolicMmHg, 1), Math.Round(bp.DiastolicMmHg, 1), bp.OriginalUnit));
        Assert.Equal((1, 1), (sink.Sessions.First(r => r.Completed).Records, sink.Sessions.First(r => r.Completed).Rejected));
    }

    [BlueZFact]
    public async Task RunAsync_MeterClockTenMinutesAhead_FlagsDriftOnItsRecords()
    {
        await using var sim = await BleSimulator.StartAsync();
        await sim.SetClockOffsetAsync("bp", 600);
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-derdilla-timestamp.hex"));
        var sink = new RecordingSink();

        await RunUntilAsync(sim, DriverFactory.Options(BleMeterKind.BloodPressure), sink, s => s.Records.Count == 1);

        var record = Assert.Single(sink.Records);
        Assert.True(record.ClockDrift);
        Assert.InRange(record.MeterClockOffset!.Value.TotalSeconds, 595, 605);
    }

    [BlueZFact]
    public async Task RunAsync_BeurerBm85Profile_ReadsItsBigEndianPulse()
    {
        await using var sim = await BleSimulator.StartAsync();
        await sim.QueueBloodPressureAsync(0x2A35, HexFile.Read("bpm-beurer-bm85.hex"));
        var sink = new RecordingSink();
        var options = DriverFactory.Options(BleMeterKind.BloodPressure);
        options.Profile = "beurer-bm85";

        await RunUntilAsync(sim, options, sink, s => s.Records.Count == 1);

        var bp = Assert.IsType<BloodPressureRecord>(Assert.Single(sink.Records).Reading);
        Assert.Equal((106.0, 71.0, 63, (double?)null), (bp.SystolicMmHg, bp.DiastolicMmHg, bp.PulseBpm!.Value, bp.MeanArterialMmHg));
    }

    private static async Task RunUntilAsync(BleSimulator sim, BleMeterOptions options, RecordingSink sink, Func<RecordingSink, bool> done)
    {
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var driver = DriverFactory.Create(options, client, sink, new NoCursor());
        var run = driver.RunAsync(stop.Token);
        try
        {
            await sink.WaitAsync(done, Timeout, "the blood pressure session");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    /// <summary>Blood pressure sessions have no RACP; a cursor store that is touched would be a bug.</summary>
    private sealed class NoCursor : IRacpCursorStore
    {
        public ValueTask<ushort?> GetLastSequenceAsync(string meterAddress, CancellationToken cancellationToken) => throw new InvalidOperationException("BP session read a RACP cursor");

        public ValueTask SetLastSequenceAsync(string meterAddress, ushort sequence, CancellationToken cancellationToken) => throw new InvalidOperationException("BP session wrote a RACP cursor");
    }
}
