using System.IO.Ports;

namespace CloudClinic.Edge.Devices.Serial;

/// <summary>How to open one serial port. Ports come from configuration: GetPortNames() does not list ptys.</summary>
public sealed record SerialLinkOptions
{
    /// <summary>Device path, e.g. <c>/dev/ttyUSB0</c> or a socat pty link.</summary>
    public required string PortPath { get; init; }

    public int BaudRate { get; init; } = 9600;

    public Parity Parity { get; init; } = Parity.None;

    public int DataBits { get; init; } = 8;

    public StopBits StopBits { get; init; } = StopBits.One;

    /// <summary>Null leaves DTR alone. Setting it on a pty throws IOException, hence optional (PLATFORM-NOTES).</summary>
    public bool? Dtr { get; init; }

    /// <summary>Null leaves RTS alone (some adapters are powered from RTS/DTR).</summary>
    public bool? Rts { get; init; }

    /// <summary>First wait before reopening after an unplug or a failed open; doubles up to <see cref="ReopenDelayMax"/>.</summary>
    public TimeSpan ReopenDelayMin { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReopenDelayMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a write to the meter may take before the connection is treated as gone.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for Close() before abandoning it (runtime issue #100690: it can block forever).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
