namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// Intermediate Cuff Pressure (0x2A36): the cuff pressure while it inflates or deflates. A progress value for a
/// display, never a reading — it has its own type so it cannot reach the outbox.
/// </summary>
public sealed record CuffPressure
{
    public required double CurrentMmHg { get; init; }

    public required string OriginalUnit { get; init; }
}
