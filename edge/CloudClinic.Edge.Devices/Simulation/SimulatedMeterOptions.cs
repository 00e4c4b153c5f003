using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.Simulation;

/// <summary>A meter that lives inside the gateway process (the all-in-one demo): no serial port, no socat.</summary>
public sealed record SimulatedMeterOptions
{
    public required string MeterSerial { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public int Seed { get; init; } = 1;

    public long FirstRecordNumber { get; init; } = 1;

    /// <summary><see cref="ReadingKinds"/> of the meter (a real meter measures one thing); null = a mix of both.</summary>
    public string? Kind { get; init; }

    /// <summary>Every Nth record is urgent (a demo wants an alert soon, predictably); null = by chance.</summary>
    public int? UrgentEvery { get; init; }

    /// <summary>Stop producing after this many records; null = until stopped.</summary>
    public long? Count { get; init; }
}
