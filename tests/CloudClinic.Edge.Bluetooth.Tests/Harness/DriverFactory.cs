using CloudClinic.Testing.Ble;
using CloudClinic.Edge.Bluetooth.BlueZ;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudClinic.Edge.Bluetooth.Tests.Harness;

/// <summary>Drivers with short delays so failure paths run in milliseconds; the poll interval keeps a finished driver idle.</summary>
public static class DriverFactory
{
    public static BleMeterOptions Options(BleMeterKind kind) => new()
    {
        Address = kind == BleMeterKind.BloodPressure ? BleSimulator.BpAddress : BleSimulator.GlucoseAddress,
        Kind = kind,
        DiscoveryTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RecordTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = TimeSpan.FromSeconds(1),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        PollInterval = TimeSpan.FromHours(1),
    };

    public static BleMeterDriver Create(BleMeterOptions options, BlueZClient client, IBleRecordSink sink, IRacpCursorStore cursor, BleAdapterGates? gates = null, TimeProvider? time = null) =>
        new(options, client, gates ?? new BleAdapterGates(), sink, cursor, time ?? TimeProvider.System, NullLogger<BleMeterDriver>.Instance);
}
