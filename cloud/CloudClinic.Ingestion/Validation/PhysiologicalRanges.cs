using System.Globalization;
using CloudClinic.Contracts;

namespace CloudClinic.Ingestion.Validation;

/// <summary>
/// Values a living person can have, with margin: outside them a reading is a meter or gateway fault (or a forgery)
/// and goes to the dead letters instead of a patient's chart. Not clinical thresholds — those are the alert rules.
/// Home and clinic meters display at most about 280–299 mmHg and glucose 0.6–33.3 mmol/L (LO/HI outside that),
/// so the bounds below leave room around every meter's range.
/// </summary>
internal static class PhysiologicalRanges
{
    public const double MinSystolicMmHg = 40;
    public const double MaxSystolicMmHg = 300;
    public const double MinDiastolicMmHg = 20;
    public const double MaxDiastolicMmHg = 200;
    public const double MinPulseBpm = 20;
    public const double MaxPulseBpm = 300;
    public const double MinGlucoseMmolL = 0.5;
    public const double MaxGlucoseMmolL = 60;

    /// <summary>1 mmol/L = 18.016 mg/dL (DESIGN.md §3).</summary>
    public const double MgdLPerMmolL = 18.016;

    public static string? CheckBloodPressure(ReadingMessage reading)
    {
        if (reading.Systolic is not { } systolic || reading.Diastolic is not { } diastolic)
        {
            return "bloodPressure reading needs systolic and diastolic";
        }

        return Range("systolic", systolic, MinSystolicMmHg, MaxSystolicMmHg, "mmHg")
            ?? Range("diastolic", diastolic, MinDiastolicMmHg, MaxDiastolicMmHg, "mmHg")
            ?? (systolic > diastolic ? null : $"systolic {Number(systolic)} is not above diastolic {Number(diastolic)}")
            ?? OptionalRange("meanArterial", reading.MeanArterial, MinDiastolicMmHg, MaxSystolicMmHg, "mmHg")
            ?? OptionalRange("pulse", reading.Pulse, MinPulseBpm, MaxPulseBpm, "bpm")
            ?? (reading.OriginalUnit is PressureUnits.MmHg or PressureUnits.KPa
                ? null
                : $"originalUnit '{reading.OriginalUnit}' is not '{PressureUnits.MmHg}' or '{PressureUnits.KPa}'");
    }

    public static string? CheckGlucose(ReadingMessage reading)
    {
        if (reading.Meal is null || !MealContexts.All.Contains(reading.Meal))
        {
            return $"meal '{reading.Meal}' is not one of {string.Join(", ", MealContexts.All.Order(StringComparer.Ordinal))}";
        }

        switch (reading.OutOfRange)
        {
            case null:
                if (reading.MmolL is not { } mmolL)
                {
                    return "glucose reading needs mmolL (or outOfRange when the meter showed HI/LO)";
                }

                return Range("mmolL", mmolL, MinGlucoseMmolL, MaxGlucoseMmolL, "mmol/L")
                    ?? OptionalRange("mgdL", reading.MgdL, MinGlucoseMmolL * MgdLPerMmolL, MaxGlucoseMmolL * MgdLPerMmolL, "mg/dL");
            case OutOfRangeMarks.High or OutOfRangeMarks.Low:
                // HI/LO: the meter's limit (if sent) may lie anywhere, but a negative glucose is still impossible.
                return reading.MmolL is < 0 || reading.MgdL is < 0 ? "glucose value is negative" : null;
            default:
                return $"outOfRange '{reading.OutOfRange}' is not '{OutOfRangeMarks.High}' or '{OutOfRangeMarks.Low}'";
        }
    }

    private static string? OptionalRange(string field, double? value, double min, double max, string unit) =>
        value is { } number ? Range(field, number, min, max, unit) : null;

    private static string? Range(string field, double value, double min, double max, string unit) =>
        value >= min && value <= max
            ? null
            : $"{field} {Number(value)} {unit} is outside the possible range {Number(min)}–{Number(max)}";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
