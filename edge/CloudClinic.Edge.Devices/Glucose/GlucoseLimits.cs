namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>
/// The value a HI/LO reading carries when the meter sends no number (±INF): the usual strip-meter range of
/// 20-600 mg/dL (1.1-33.3 mmol/L). The reading is marked <c>outOfRange</c>, so rules treat it as beyond this value.
/// </summary>
public static class GlucoseLimits
{
    public const double HighMgdL = 600;
    public const double LowMgdL = 20;
}
