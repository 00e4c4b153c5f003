using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// Bounds against typing errors (1400 for 140), not clinical advice: a value outside them, or limits in the wrong order
/// (low &lt; target &lt; urgent), is refused. The starting values are <see cref="CarePlanDefaults"/>, never repeated here.
/// </summary>
internal static class CarePlanLimits
{
    public static List<FieldError> Check(CarePlanTargets t)
    {
        var errors = new List<FieldError>();
        void Range(string field, double value, double min, double max)
        {
            if (value < min || value > max || double.IsNaN(value))
            {
                errors.Add(new FieldError(field, FieldErrors.OutOfRange));
            }
        }

        void Order(string field, bool ok)
        {
            if (!ok)
            {
                errors.Add(new FieldError(field, FieldErrors.OutOfRange));
            }
        }

        // Blood pressure in mmHg: what an automated upper-arm monitor can display (≈ 40–280).
        Range("systolicTargetMmHg", t.SystolicTargetMmHg, 100, 180);
        Range("diastolicTargetMmHg", t.DiastolicTargetMmHg, 60, 110);
        Range("systolicUrgentMmHg", t.SystolicUrgentMmHg, 140, 250);
        Range("diastolicUrgentMmHg", t.DiastolicUrgentMmHg, 80, 150);
        Range("systolicLowMmHg", t.SystolicLowMmHg, 60, 120);
        Range("diastolicLowMmHg", t.DiastolicLowMmHg, 40, 80);
        Order("systolicUrgentMmHg", t.SystolicLowMmHg < t.SystolicTargetMmHg && t.SystolicTargetMmHg < t.SystolicUrgentMmHg);
        Order("diastolicUrgentMmHg", t.DiastolicLowMmHg < t.DiastolicTargetMmHg && t.DiastolicTargetMmHg < t.DiastolicUrgentMmHg);

        // Capillary glucose in mmol/L (meters read ≈ 1.1–33.3).
        Range("fastingGlucoseTargetMmolL", t.FastingGlucoseTargetMmolL, 4.4, 13.9);
        Range("nonFastingGlucoseTargetMmolL", t.NonFastingGlucoseTargetMmolL, 6.0, 16.7);
        Range("glucoseUrgentHighMmolL", t.GlucoseUrgentHighMmolL, 11.1, 33.3);
        Range("glucoseUrgentLowMmolL", t.GlucoseUrgentLowMmolL, 2.8, 5.6);
        Range("glucoseLevel2HypoMmolL", t.GlucoseLevel2HypoMmolL, 2.0, 3.9);
        Order("glucoseUrgentLowMmolL", t.GlucoseLevel2HypoMmolL < t.GlucoseUrgentLowMmolL && t.GlucoseUrgentLowMmolL < t.FastingGlucoseTargetMmolL);
        Order("glucoseUrgentHighMmolL", t.NonFastingGlucoseTargetMmolL < t.GlucoseUrgentHighMmolL && t.FastingGlucoseTargetMmolL <= t.NonFastingGlucoseTargetMmolL);

        // Days without a reading: the grid worker first, the doctor later.
        Range("notMeasuredTaskDays", t.NotMeasuredTaskDays, 1, 90);
        Range("notMeasuredDoctorDays", t.NotMeasuredDoctorDays, 2, 180);
        Order("notMeasuredDoctorDays", t.NotMeasuredTaskDays < t.NotMeasuredDoctorDays);
        return errors;
    }
}
