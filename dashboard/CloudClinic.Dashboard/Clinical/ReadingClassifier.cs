using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// Colours one reading for the wall with DESIGN.md §6's comparators. Display only: the alert engine decides alerts.
/// Values are compared as the meters display them (whole mmHg, 0.1 mmol/L), as <c>BpUrgentRule</c> does, so a kPa
/// conversion artefact such as 179.97 counts as 180.
/// </summary>
internal static class ReadingClassifier
{
    public static string Classify(ReadingMessage reading, CareTargets targets)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(targets);
        return reading.Kind switch
        {
            ReadingKinds.BloodPressure => BloodPressure(reading.Systolic, reading.Diastolic, targets),
            ReadingKinds.Glucose => Glucose(reading.MmolL, reading.Meal, reading.OutOfRange, targets),
            _ => ReadingSeverity.Unknown,
        };
    }

    /// <summary>Whether a blood pressure (e.g. a day's mean) is below the target: both values under their limits.</summary>
    public static bool BloodPressureInTarget(double systolicMmHg, double diastolicMmHg, CareTargets targets) =>
        Whole(systolicMmHg) < targets.SystolicBelowMmHg && Whole(diastolicMmHg) < targets.DiastolicBelowMmHg;

    /// <summary>Whether a glucose value (e.g. a day's mean) is below the target of its meal context.</summary>
    public static bool GlucoseInTarget(double mmolL, string? meal, CareTargets targets) =>
        Tenth(mmolL) < GlucoseLimit(meal, targets);

    private static string BloodPressure(double? systolic, double? diastolic, CareTargets targets)
    {
        if (systolic is not { } sbp || diastolic is not { } dbp)
        {
            return ReadingSeverity.Unknown;
        }

        var (s, d) = (Whole(sbp), Whole(dbp));
        if (s >= GuidelineDefaults.SystolicUrgentMmHg || d >= GuidelineDefaults.DiastolicUrgentMmHg)
        {
            return ReadingSeverity.Urgent;
        }

        if (s >= targets.SystolicBelowMmHg || d >= targets.DiastolicBelowMmHg)
        {
            return ReadingSeverity.AboveTarget;
        }

        return s < targets.SystolicLowMmHg || d < targets.DiastolicLowMmHg ? ReadingSeverity.Low : ReadingSeverity.Normal;
    }

    private static string Glucose(double? mmolL, string? meal, string? outOfRange, CareTargets targets)
    {
        // A meter's HI/LO is beyond its range, so beyond both urgent limits (规范第三版, DESIGN.md §6).
        if (outOfRange is OutOfRangeMarks.High or OutOfRangeMarks.Low)
        {
            return ReadingSeverity.Urgent;
        }

        if (mmolL is not { } value)
        {
            return ReadingSeverity.Unknown;
        }

        var shown = Tenth(value);
        if (shown < GuidelineDefaults.GlucoseCriticalLowMmolL)
        {
            return ReadingSeverity.Critical;
        }

        // 规范 uses "≤ 3.9" for the urgent low (CLINICAL-SOURCES.md §3.3 boundary note).
        if (shown >= GuidelineDefaults.GlucoseUrgentHighMmolL || shown <= GuidelineDefaults.GlucoseUrgentLowMmolL)
        {
            return ReadingSeverity.Urgent;
        }

        return shown >= GlucoseLimit(meal, targets) ? ReadingSeverity.AboveTarget : ReadingSeverity.Normal;
    }

    private static double GlucoseLimit(string? meal, CareTargets targets) =>
        meal == MealContexts.Fasting ? targets.FastingGlucoseBelowMmolL : targets.NonFastingGlucoseBelowMmolL;

    private static double Whole(double mmHg) => Math.Round(mmHg, MidpointRounding.AwayFromZero);

    private static double Tenth(double mmolL) => Math.Round(mmolL, 1, MidpointRounding.AwayFromZero);
}
