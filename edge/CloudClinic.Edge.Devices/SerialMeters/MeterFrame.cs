namespace CloudClinic.Edge.Devices.SerialMeters;

/// <summary>
/// What a serial meter's frame reader found: a complete frame for the parser, or bytes it dropped (noise between
/// frames, a cut-off or oversized frame) with the reason, so the driver can count and keep them.
/// </summary>
public sealed record MeterFrame
{
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Null for a complete frame; otherwise why the bytes were dropped.</summary>
    public string? DropReason { get; init; }

    public bool IsDropped => DropReason is not null;
}
