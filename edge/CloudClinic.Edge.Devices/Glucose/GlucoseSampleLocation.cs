namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>Sample Location nibble of Glucose Measurement 0x2A18; 0 and 5-14 are reserved.</summary>
public enum GlucoseSampleLocation : byte
{
    Finger = 1,
    AlternateSiteTest = 2,
    Earlobe = 3,
    ControlSolution = 4,
    NotAvailable = 15,
}
