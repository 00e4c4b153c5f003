namespace CloudClinic.Edge.Devices;

/// <summary>The two unit conversions of wire contract v1 (DESIGN.md §3).</summary>
public static class UnitConversions
{
    /// <summary>1 kPa = 7.50062 mmHg.</summary>
    public const double MmHgPerKPa = 7.50062;

    /// <summary>1 mmol/L = 18.016 mg/dL (glucose molar mass 180.16 g/mol).</summary>
    public const double MgdLPerMmolL = 18.016;

    /// <summary>Rounded to 0.1 mmHg: finer than the meter's 0.1 kPa step (0.75 mmHg), so nothing is lost.</summary>
    public static double KPaToMmHg(double kPa) => Math.Round(kPa * MmHgPerKPa, 1, MidpointRounding.AwayFromZero);

    public static double MmHgToKPa(double mmHg) => Math.Round(mmHg / MmHgPerKPa, 1, MidpointRounding.AwayFromZero);

    /// <summary>Rounded to 0.01 mmol/L: finer than 1 mg/dL (0.055 mmol/L), so the mg/dL value is recoverable.</summary>
    public static double MgdLToMmolL(double mgdL) => Math.Round(mgdL / MgdLPerMmolL, 2, MidpointRounding.AwayFromZero);

    public static double MmolLToMgdL(double mmolL) => Math.Round(mmolL * MgdLPerMmolL, 0, MidpointRounding.AwayFromZero);
}
