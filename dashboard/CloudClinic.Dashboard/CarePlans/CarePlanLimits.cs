using CloudClinic.Alerts.CarePlans;
using CloudClinic.Dashboard.Admin;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// Bounds against typing errors (1400 for 140), not clinical advice: a value outside them, or limits in the wrong order
/// (low &lt; target &lt; urgent), is refused. The starting values are <see cref="CarePlanDefaults"/>, never repeated here.
/// The admin page and the patient page both save through <see cref="CarePlanEditor"/>, which checks these.
/// </summary>
internal static class CarePlanLimits
{
    private static readonly (CarePlanFieldRange Range, Func<CarePlanTargets, double> Value)[] Bounds =
    [
        // Blood pressure in mmHg: what an automated upper-arm monitor can display (≈ 40–280).
        (new("systolicTargetMmHg", 100, 180), t => t.SystolicTargetMmHg),
        (new("diastolicTargetMmHg", 60, 110), t => t.DiastolicTargetMmHg),
        (new("systolicUrgentMmHg", 140, 250), t => t.SystolicUrgentMmHg),
        (new("diastolicUrgentMmHg", 80, 150), t => t.DiastolicUrgentMmHg),
        (new("systolicLowMmHg", 60, 120), t => t.SystolicLowMmHg),
        (new("diastolicLowMmHg", 40, 80), t => t.DiastolicLowMmHg),

        // Capillary glucose in mmol/L (meters read ≈ 1.1–33.3).
        (new("fastingGlucoseTargetMmolL", 4.4, 13.9), t => t.FastingGlucoseTargetMmolL),
        (new("nonFastingGlucoseTargetMmolL", 6.0, 16.7), t => t.NonFastingGlucoseTargetMmolL),
        (new("glucoseUrgentHighMmolL", 11.1, 33.3), t => t.GlucoseUrgentHighMmolL),
        (new("glucoseUrgentLowMmolL", 2.8, 5.6), t => t.GlucoseUrgentLowMmolL),
        (new("glucoseLevel2HypoMmolL", 2.0, 3.9), t => t.GlucoseLevel2HypoMmolL),

        // Days without a reading: the grid worker first, the doctor later.
        (new("notMeasuredTaskDays", 1, 90), t => t.NotMeasuredTaskDays),
        (new("notMeasuredDoctorDays", 2, 180), t => t.NotMeasuredDoctorDays),
    ];

    /// <summary>Every number's range, for the pages' forms.</summary>
    public static IReadOnlyList<CarePlanFieldRange> Ranges { get; } = [.. Bounds.Select(b => b.Range)];

    /// <summary>A plan's numbers by wire name, in <see cref="Ranges"/> order (what the audit compares).</summary>
    public static IEnumerable<(string Field, double Value)> Numbers(CarePlanTargets t) => Bounds.Select(b => (b.Range.Field, b.Value(t)));

    public static List<FieldError> Check(CarePlanTargets t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var errors = new List<FieldError>();
        foreach (var (range, value) in Bounds)
        {
            var v = value(t);
            if (v < range.Min || v > range.Max || double.IsNaN(v))
            {
                errors.Add(new FieldError(range.Field, FieldErrors.OutOfRange));
            }
        }

        void Order(string field, bool ok)
        {
            if (!ok)
            {
                errors.Add(new FieldError(field, FieldErrors.OutOfRange));
            }
        }

        Order("systolicUrgentMmHg", t.SystolicLowMmHg < t.SystolicTargetMmHg && t.SystolicTargetMmHg < t.SystolicUrgentMmHg);
        Order("diastolicUrgentMmHg", t.DiastolicLowMmHg < t.DiastolicTargetMmHg && t.DiastolicTargetMmHg < t.DiastolicUrgentMmHg);
        Order("glucoseUrgentLowMmolL", t.GlucoseLevel2HypoMmolL < t.GlucoseUrgentLowMmolL && t.GlucoseUrgentLowMmolL < t.FastingGlucoseTargetMmolL);
        Order("glucoseUrgentHighMmolL", t.NonFastingGlucoseTargetMmolL < t.GlucoseUrgentHighMmolL && t.FastingGlucoseTargetMmolL <= t.NonFastingGlucoseTargetMmolL);
        Order("notMeasuredDoctorDays", t.NotMeasuredTaskDays < t.NotMeasuredDoctorDays);
        return errors;
    }
}
