using System.IO.Ports;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>One meter station, <c>Edge:Stations:{i}</c>. Validated by <see cref="EdgeOptionsValidator"/>.</summary>
internal sealed class StationOptions
{
    public const string SerialLink = "serial";
    public const string SimulatedLink = "simulated";
    public const string BleLink = "ble";

    /// <summary>Wire <c>device.protocol</c> of a BLE blood pressure meter: the SIG Blood Pressure Profile (0x1810).</summary>
    public const string GattBloodPressureProtocol = "gatt-bps";

    /// <summary>Wire <c>device.protocol</c> of a BLE glucose meter: the SIG Glucose Profile (0x1808, RACP).</summary>
    public const string GattGlucoseProtocol = "gatt-gls";

    /// <summary>Reported model of a BLE meter that sends no Model Number String and has no <see cref="Model"/> set.</summary>
    public const string BleDefaultModel = "ble-meter";

    /// <summary>Station name, <c>[a-z0-9-]{1,64}</c>; travels as the reading's <c>station</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>serial</c> (a port), <c>ble</c> (a Bluetooth LE meter through BlueZ) or <c>simulated</c> (an in-process meter for the demo).</summary>
    public string Link { get; set; } = string.Empty;

    /// <summary>
    /// <see cref="StationProtocol.All"/>: <c>cclp1</c> (docs/line-protocol.md, the default), <c>onetouch-ultra2</c>,
    /// <c>freestyle-optium</c>, <c>taidoc-td42xx</c> or <c>sd-codefree</c>. Simulated stations speak cclp1.
    /// </summary>
    public string Protocol { get; set; } = Devices.LineProtocol.LineProtocolParser.ProtocolName;

    /// <summary>Reported as <c>device.model</c>; defaults to the protocol's meter (e.g. <c>cclp1-meter</c>, <c>cclp1-simulated</c>).</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The meter's serial number, for meters that do not send it (<c>taidoc-td42xx</c>, <c>sd-codefree</c>: copy it from the
    /// label). Required for them: it is part of every readingId (DESIGN.md §5). Ignored for meters that send theirs.
    /// </summary>
    public string? MeterSerial { get; set; }

    /// <summary>
    /// IANA time zone of the meter's clock (e.g. <c>Asia/Shanghai</c>); null = the gateway's zone. Each meter time is
    /// placed with the offset in force at that time. CCLP/1 frames carry their own offset and ignore it.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Host-initiated meters: how often the gateway asks for the meter's memory while the port is open. BLE meters:
    /// the pause after a finished GATT session before connecting again (next RACP sync / next measurement).
    /// </summary>
    public double PollIntervalSeconds { get; set; } = 60;

    /// <summary>Host-initiated meters: how long the meter may stay silent before a request counts as unanswered.</summary>
    public double ReplyTimeoutSeconds { get; set; } = 3;

    public string? Port { get; set; }

    /// <summary>Null: the protocol's speed (<see cref="StationProtocol.BaudRate"/>).</summary>
    public int? BaudRate { get; set; }

    public Parity Parity { get; set; } = Parity.None;

    public int DataBits { get; set; } = 8;

    public StopBits StopBits { get; set; } = StopBits.One;

    public bool? Dtr { get; set; }

    public bool? Rts { get; set; }

    public double SimulatedIntervalSeconds { get; set; } = 5;

    /// <summary>Null: derived from the station name, so each simulated station has its own stable series.</summary>
    public int? SimulatedSeed { get; set; }

    /// <summary><c>bloodPressure</c> or <c>glucose</c>: what the simulated meter measures; null = a mix.</summary>
    public string? SimulatedKind { get; set; }

    /// <summary>Every Nth simulated reading is urgent; null = now and then, by chance.</summary>
    public int? SimulatedUrgentEvery { get; set; }

    /// <summary>Stop after this many simulated readings; null = until stopped.</summary>
    public long? SimulatedCount { get; set; }

    /// <summary>BLE: the meter's Bluetooth address, <c>AA:BB:CC:DD:EE:FF</c> (bluetoothctl shows it after <c>scan le</c>).</summary>
    public string? BleAddress { get; set; }

    /// <summary>BLE: the BlueZ adapter; stations on one adapter take turns (one GATT session at a time).</summary>
    public string BleAdapter { get; set; } = "hci0";

    /// <summary>BLE: <c>bloodPressure</c> (Blood Pressure Profile) or <c>glucose</c> (Glucose Profile with RACP).</summary>
    public string? BleKind { get; set; }

    /// <summary>BLE blood pressure quirk profile: <c>standard</c> or <c>beurer-bm85</c> (Devices/BloodPressure/README.md).</summary>
    public string BleProfile { get; set; } = "standard";

    /// <summary>How readings of this station travel as <c>device.transport</c>.</summary>
    public string ReportedTransport() => Link == BleLink ? Contracts.Transports.Ble : Contracts.Transports.Serial;

    /// <summary>How readings of this station travel as <c>device.protocol</c>: BLE stations by profile, others by <see cref="Protocol"/>.</summary>
    public string ReportedProtocol() => Link != BleLink
        ? Protocol
        : BleKind == Contracts.ReadingKinds.Glucose ? GattGlucoseProtocol : GattBloodPressureProtocol;
}
