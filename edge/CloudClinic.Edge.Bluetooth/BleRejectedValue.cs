namespace CloudClinic.Edge.Bluetooth;

/// <summary>A characteristic value that did not become a record, with the reason and the bytes (for the dead-letter store).</summary>
public sealed record BleRejectedValue
{
    public required BleMeterIdentity Meter { get; init; }

    /// <summary>16-bit characteristic UUID the value came from, e.g. 0x2A18.</summary>
    public required ushort Characteristic { get; init; }

    public required string Reason { get; init; }

    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Set when the value was readable that far (the cursor then moves past it: it is kept, not lost).</summary>
    public ushort? Sequence { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
