using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// A reading as the rules compare it. Blood pressure is rounded to whole mmHg and glucose to 0.1 mmol/L (half away
/// from zero), the resolution meters display and the guidelines speak: a kPa meter's 24.0 kPa arrives as 180.01 mmHg
/// and counts as 180; 70 mg/dL is 3.885 mmol/L and counts as 3.9. When the meter stored mg/dL that value is
/// converted (÷ 18.016, DESIGN.md §3) instead of re-rounding the gateway's mmol/L.
/// </summary>
public readonly record struct ReadingFacts(
    string Kind,
    int? SystolicMmHg,
    int? DiastolicMmHg,
    double? GlucoseMmolL,
    bool IsFasting,
    string? OutOfRange,
    bool? PreviousBpAboveTarget)
{
    public const double MgdLPerMmolL = 18.016;

    public static ReadingFacts From(ReadingMessage reading, bool? previousBpAboveTarget = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        double? glucose = reading.MgdL is { } mgdL ? Round1(mgdL / MgdLPerMmolL)
            : reading.MmolL is { } mmolL ? Round1(mmolL) : null;
        return new ReadingFacts(
            reading.Kind,
            WholeMmHg(reading.Systolic),
            WholeMmHg(reading.Diastolic),
            glucose,
            IsFastingContext(reading.Meal),
            reading.OutOfRange,
            previousBpAboveTarget);
    }

    /// <summary>
    /// Fasting target for <c>fasting</c> and <c>preprandial</c> (空腹/餐前, ADA "preprandial"); every other context,
    /// including <c>unknown</c>, gets the non-fasting target so an unlabelled after-meal value is not called high.
    /// </summary>
    public static bool IsFastingContext(string? meal) => meal is MealContexts.Fasting or MealContexts.Preprandial;

    private static int? WholeMmHg(double? value) =>
        value is { } mmHg ? (int)Math.Round(mmHg, MidpointRounding.AwayFromZero) : null;

    // decimal: 3.85 must round to 3.9, which binary double rounding gets wrong (3.8499…).
    private static double Round1(double value) =>
        double.IsFinite(value) ? (double)Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero) : value;
}
