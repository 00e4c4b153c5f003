namespace CloudClinic.Edge.Bluetooth;

/// <summary>The SIG profile a meter speaks: Blood Pressure (service 0x1810) or Glucose (service 0x1808).</summary>
public enum BleMeterKind
{
    BloodPressure,
    Glucose,
}
