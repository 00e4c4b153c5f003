using CloudClinic.Testing.Ble;
using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests.Ble;

/// <summary>
/// The real gateway host with <c>Link = "ble"</c> stations against the BLE meter simulator (dbusmock BlueZ on a private
/// D-Bus). Nothing listens on the MQTT port, so every reading stays in the outbox where losses and duplicates show.
/// </summary>
public sealed class BleStationGatewayTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    // derdilla blood-pressure-monitor-fl vector: 124/86 mmHg, MAP 97, 2024-06-15 17:17:27, pulse 51, status 0.
    private static readonly byte[] BpWithTimestamp = Convert.FromHexString("167C0056006100E807060F11111B33000000");

    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-gw-ble-").FullName;

    [BlueZFact]
    public async Task Acquisition_GlucoseStationWith500RecordBacklogThenRestart_EachRecordInTheOutboxOnce()
    {
        await using var sim = await BleSimulator.StartAsync(new { glucoseBacklog = 500 });

        IReadOnlyList<ReadingMessage> readings;
        await using (var first = StartGateway(sim, BleSimulator.GlucoseAddress, ReadingKinds.Glucose))
        {
            await first.StartAsync();
            await WaitForSessionAsync(first, () => first.Counters.CommittedCount == 500);
            await first.StopAsync();
            Assert.Equal(0, first.Counters.DuplicateCount);
            readings = Readings(first);
        }

        Assert.Equal(Enumerable.Range(1, 500).Select(n => $"ble-GL0001-glucose-s{n}").Order(StringComparer.Ordinal), readings.Select(r => r.ReadingId).Order(StringComparer.Ordinal));
        var r42 = readings.Single(r => r.ReadingId == "ble-GL0001-glucose-s42");
        Assert.Equal(new DeviceInfo { Model = "Contour Next One", Serial = "GL0001", Transport = Transports.Ble, Protocol = "gatt-gls" }, r42.Device);
        // ble_meters.py record n: 70 + (n·37 mod 230) mg/dL, measured 2024-03-01 06:00 + n hours on the meter's clock.
        Assert.Equal(70 + (42 * 37 % 230), r42.MgdL);
        Assert.Equal(new DateTime(2024, 3, 3, 0, 0, 0), r42.MeasuredAt.DateTime);
        Assert.Null(r42.ClockSource);
        Assert.DoesNotContain(readings, r => r.Flags.Contains("clockDrift"));

        // A gateway restart on the same outbox (and cursor file) with 20 new records on the meter: only those come.
        await sim.AppendGlucoseRecordsAsync(20);
        IReadOnlyList<ReadingMessage> all;
        await using (var second = StartGateway(sim, BleSimulator.GlucoseAddress, ReadingKinds.Glucose))
        {
            await second.StartAsync();
            await WaitForSessionAsync(second, () => second.Counters.CommittedCount == 20);
            await second.StopAsync();
            Assert.Equal(0, second.Counters.DuplicateCount);
            all = Readings(second);
        }

        Assert.Equal(520, all.Count);
        Assert.Equal(520, all.Select(r => r.ReadingId).Distinct(StringComparer.Ordinal).Count());
        // RACP (0x2A52): "report all" on the first sync, then "report records with sequence ≥ 501" (0x01F5).
        Assert.Equal(["0101", "010301f501"], await sim.GetWritesAsync("2a52"));
    }

    [BlueZFact]
    public async Task Acquisition_BloodPressureIndication_ArrivesAsReadingWithMeterIdentity()
    {
        await using var sim = await BleSimulator.StartAsync();
        await sim.QueueBloodPressureAsync(0x2A35, BpWithTimestamp);
        await using var gateway = StartGateway(sim, BleSimulator.BpAddress, ReadingKinds.BloodPressure);
        await gateway.StartAsync();

        await Eventually.WaitAsync(
            () => gateway.Counters.CommittedCount == 1,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => Describe(gateway));

        var reading = Assert.Single(Readings(gateway));
        Assert.Equal(("ble-BP0001-bloodPressure-t20240615T171727", "bp-ble", ReadingKinds.BloodPressure), (reading.ReadingId, reading.Station, reading.Kind));
        Assert.Equal((124.0, 86.0, 97.0, 51.0), (reading.Systolic, reading.Diastolic, reading.MeanArterial, reading.Pulse));
        Assert.Equal(new DeviceInfo { Model = "UA-651BLE", Serial = "BP0001", Transport = Transports.Ble, Protocol = "gatt-bps" }, reading.Device);
        Assert.Equal(new DateTime(2024, 6, 15, 17, 17, 27), reading.MeasuredAt.DateTime);
        Assert.Null(reading.PatientId);
        var station = Assert.Single(gateway.Board.Stations);
        Assert.Equal((Transports.Ble, "gatt-bps"), (station.Transport, station.Protocol));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private GatewayUnderTest StartGateway(BleSimulator sim, string address, string kind) =>
        GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", new Dictionary<string, string?>
        {
            ["Edge:OutboxPath"] = Path.Combine(_directory, "outbox.db"),
            ["Edge:Bluetooth:BusAddress"] = sim.BusAddress,
            ["Edge:Stations:0:Name"] = kind == ReadingKinds.Glucose ? "glucose-ble" : "bp-ble",
            ["Edge:Stations:0:Link"] = "ble",
            ["Edge:Stations:0:BleAddress"] = address,
            ["Edge:Stations:0:BleKind"] = kind,
            ["Edge:Stations:0:PollIntervalSeconds"] = "3600",
        });

    /// <summary>Waits until the GATT session ended cleanly (the board shows the station idle without error) and <paramref name="done"/>.</summary>
    private static Task WaitForSessionAsync(GatewayUnderTest gateway, Func<bool> done) =>
        Eventually.WaitAsync(
            () => done() && gateway.Board.Stations.Single() is { Connected: false, LastError: null } && gateway.Logs.Any(l => l.Contains("BLE session ended", StringComparison.Ordinal)),
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => Describe(gateway));

    private static string Describe(GatewayUnderTest gateway)
    {
        var station = gateway.Board.Stations.Single();
        return $"outbox {gateway.Outbox.Count}, committed {gateway.Counters.CommittedCount}, duplicates {gateway.Counters.DuplicateCount}, " +
            $"rejected {gateway.Counters.RejectedCount}, connected {station.Connected}, last error {station.LastError}; " +
            $"log tail: {string.Join(" | ", gateway.Logs.TakeLast(8))}";
    }

    private static IReadOnlyList<ReadingMessage> Readings(GatewayUnderTest gateway) =>
        [.. gateway.Outbox.Peek(100_000, new HashSet<string>()).Select(e => e.Reading)];
}
