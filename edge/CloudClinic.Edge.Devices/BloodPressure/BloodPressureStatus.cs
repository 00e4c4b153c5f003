namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// Measurement Status of Blood Pressure Measurement (GATT Specification Supplement, 0x2A35 "Measurement Status").
/// Bits 3-4 are a two-bit field, read through <see cref="PulseRateRange"/>; bits 6-15 are reserved.
/// </summary>
[Flags]
public enum BloodPressureStatus : ushort
{
    None = 0,
    BodyMovement = 1 << 0,
    CuffTooLoose = 1 << 1,
    IrregularPulse = 1 << 2,
    PulseRangeBit3 = 1 << 3,
    PulseRangeBit4 = 1 << 4,
    ImproperPosition = 1 << 5,
}
