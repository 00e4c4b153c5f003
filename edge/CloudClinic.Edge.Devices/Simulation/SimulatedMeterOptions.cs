namespace CloudClinic.Edge.Devices.Simulation;

/// <summary>A meter that lives inside the gateway process (the all-in-one demo): no serial port, no socat.</summary>
public sealed record SimulatedMeterOptions
{
    public required string MeterSerial { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public int Seed { get; init; } = 1;

    public long FirstRecordNumber { get; init; } = 1;

    /// <summary>Stop producing after this many records; null = until stopped.</summary>
    public long? Count { get; init; }
}
