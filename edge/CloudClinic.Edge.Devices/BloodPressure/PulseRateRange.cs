namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>Measurement Status bits 3-4 of 0x2A35: the meter's own judgement of the pulse rate.</summary>
public enum PulseRateRange
{
    WithinRange = 0,
    ExceedsUpperLimit = 1,
    BelowLowerLimit = 2,
    Reserved = 3,
}
