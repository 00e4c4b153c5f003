using System.IO.Ports;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>One meter station, <c>Edge:Stations:{i}</c>. Validated by <see cref="EdgeOptionsValidator"/>.</summary>
internal sealed class StationOptions
{
    public const string SerialLink = "serial";
    public const string SimulatedLink = "simulated";

    /// <summary>Station name, <c>[a-z0-9-]{1,64}</c>; travels as the reading's <c>station</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>serial</c> (a port) or <c>simulated</c> (an in-process meter for the demo).</summary>
    public string Link { get; set; } = string.Empty;

    /// <summary>Only <c>cclp1</c> so far (docs/line-protocol.md).</summary>
    public string Protocol { get; set; } = Devices.LineProtocol.LineProtocolParser.ProtocolName;

    /// <summary>Reported as <c>device.model</c>; defaults to <c>cclp1-meter</c> / <c>cclp1-simulated</c>.</summary>
    public string? Model { get; set; }

    public string? Port { get; set; }

    public int BaudRate { get; set; } = 9600;

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
}
