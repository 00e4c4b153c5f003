namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>
/// What the frame reader found in the byte stream: a complete frame (<c>$</c> up to, not including, the line end)
/// for the parser, or bytes it had to drop, with the reason, so the gateway can count and keep them.
/// </summary>
public sealed record LineFrame
{
    /// <summary>The frame bytes, or (for a drop) the dropped bytes, capped at the reader's maximum frame length.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Null for a complete frame; otherwise why the bytes were dropped.</summary>
    public string? DropReason { get; init; }

    public bool IsDropped => DropReason is not null;
}
