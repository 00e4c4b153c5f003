namespace CloudClinic.Edge.Simulator;

/// <summary>Damage the simulator applies to every frame it sends (to test the gateway's rejection path).</summary>
internal enum FrameFault
{
    None,

    /// <summary>Line noise before the frame and one body byte with its top bit set (wrong baud rate, EMI).</summary>
    Garbled,

    /// <summary>A well-formed frame whose checksum is wrong.</summary>
    BadChecksum,

    /// <summary>The frame cut off before its checksum, then a line end (bytes lost on the cable).</summary>
    Truncated,

    /// <summary>Memory meters only: the cable is pulled mid-dump (the simulator closes the port and exits with 3).</summary>
    Unplug,
}
