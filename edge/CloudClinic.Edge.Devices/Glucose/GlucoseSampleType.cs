namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>Type nibble of Glucose Measurement 0x2A18 (GATT Specification Supplement); 0 and 11-15 are reserved.</summary>
public enum GlucoseSampleType : byte
{
    CapillaryWholeBlood = 1,
    CapillaryPlasma = 2,
    VenousWholeBlood = 3,
    VenousPlasma = 4,
    ArterialWholeBlood = 5,
    ArterialPlasma = 6,
    UndeterminedWholeBlood = 7,
    UndeterminedPlasma = 8,
    InterstitialFluid = 9,
    ControlSolution = 10,
}
