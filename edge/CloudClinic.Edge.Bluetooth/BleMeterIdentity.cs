namespace CloudClinic.Edge.Bluetooth;

/// <summary>Who a record came from, as read in this session (Device Information 0x2A24/0x2A25 when the meter has it).</summary>
public sealed record BleMeterIdentity
{
    /// <summary>Bluetooth address, <c>AA:BB:CC:DD:EE:FF</c>.</summary>
    public required string Address { get; init; }

    public required BleMeterKind Kind { get; init; }

    /// <summary>Configured model, else Model Number String 0x2A24, else the advertised name.</summary>
    public required string Model { get; init; }

    /// <summary>Serial Number String 0x2A25; the address (without colons) when the meter has none.</summary>
    public required string Serial { get; init; }

    /// <summary>The blood pressure quirk profile the values were parsed with (<c>standard</c> for glucose).</summary>
    public required string Profile { get; init; }
}
