namespace CloudClinic.Edge.Devices;

/// <summary>
/// One stored measurement as a meter reported it, before the gateway adds who/where. Values are already in the
/// canonical unit named by each property; the unit the meter used travels alongside.
/// </summary>
public abstract record MeterRecord
{
    /// <summary>The meter's own serial number (part of the idempotency key, DESIGN.md §5).</summary>
    public required string MeterSerial { get; init; }

    /// <summary>The meter's own record (memory slot / sequence) number.</summary>
    public required long RecordNumber { get; init; }

    /// <summary>The meter's clock at measurement time; null when the meter has no valid clock.</summary>
    public DateTimeOffset? MeasuredAt { get; init; }

    /// <summary>False when the meter's clock has minute resolution only (the id then includes the value).</summary>
    public bool MeasuredAtHasSeconds { get; init; } = true;

    /// <summary>Wire flag names (<see cref="CloudClinic.Contracts.ReadingFlags"/>), in a stable order.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary><see cref="CloudClinic.Contracts.ReadingKinds"/>.</summary>
    public abstract string Kind { get; }
}
