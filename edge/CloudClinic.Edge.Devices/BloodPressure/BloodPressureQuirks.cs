namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// How one meter model departs from the GATT Blood Pressure Measurement layout. A profile is chosen explicitly per
/// station (by <see cref="Name"/>); the strict parser is never loosened for everyone.
/// </summary>
public sealed record BloodPressureQuirks
{
    /// <summary>Configuration name of the profile, e.g. <c>beurer-bm85</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Pulse SFLOAT sent big-endian.</summary>
    public bool PulseBigEndian { get; init; }

    /// <summary>Measurement Status sent big-endian.</summary>
    public bool StatusBigEndian { get; init; }

    /// <summary>A user-id byte follows the pulse even when flag bit 3 is clear.</summary>
    public bool UserIdAlwaysPresent { get; init; }

    /// <summary>A mean arterial pressure of 0 means "not measured" (the spec says NaN).</summary>
    public bool ZeroMeanArterialMeansAbsent { get; init; }
}
