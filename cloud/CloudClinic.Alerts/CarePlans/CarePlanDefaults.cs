using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.CarePlans;

/// <summary>
/// Default care plan from age and conditions (DESIGN.md §6; sources in docs/clinical-rules.md). A doctor's plan in the
/// registry replaces all of it; these are only the starting point.
/// </summary>
public static class CarePlanDefaults
{
    /// <summary>国家基层高血压防治管理指南 2020 / 规范第三版: general target &lt;140/90 mmHg.</summary>
    public const int GeneralSystolicTargetMmHg = 140;
    public const int GeneralDiastolicTargetMmHg = 90;

    /// <summary>基层指南 2020 / 2025: age ≥ 80 → &lt;150/90 mmHg. Age counts whole years on the clinic's local date.</summary>
    public const int VeryElderlyAgeYears = 80;
    public const int VeryElderlySystolicTargetMmHg = 150;
    public const int VeryElderlyDiastolicTargetMmHg = 90;

    /// <summary>基层指南 2020 and 中国2型糖尿病防治指南 2020: with diabetes &lt;130/80 mmHg (under 80 years).</summary>
    public const int DiabetesSystolicTargetMmHg = 130;
    public const int DiabetesDiastolicTargetMmHg = 80;

    /// <summary>规范第三版 urgent referral: SBP ≥ 180 and/or DBP ≥ 110 mmHg.</summary>
    public const int SystolicUrgentMmHg = 180;
    public const int DiastolicUrgentMmHg = 110;

    /// <summary>Derived (no primary-care number found): SBP &lt; 90 or DBP &lt; 60 mmHg, DESIGN.md §6.</summary>
    public const int SystolicLowMmHg = 90;
    public const int DiastolicLowMmHg = 60;

    /// <summary>中国2型糖尿病防治指南 2020 capillary targets: fasting 4.4–7.0, non-fasting &lt;10.0 mmol/L.</summary>
    public const double FastingGlucoseTargetMmolL = 7.0;
    public const double NonFastingGlucoseTargetMmolL = 10.0;

    /// <summary>规范第三版 T2DM urgent referral: glucose ≥ 16.7 or ≤ 3.9 mmol/L.</summary>
    public const double GlucoseUrgentHighMmolL = 16.7;
    public const double GlucoseUrgentLowMmolL = 3.9;

    /// <summary>CDS 2020 = ADA Standards table 6.3: level-2 hypoglycaemia &lt; 3.0 mmol/L (54 mg/dL).</summary>
    public const double GlucoseLevel2HypoMmolL = 3.0;

    /// <summary>DESIGN.md §6 proposal anchored on the 规范's quarterly follow-up: 7 days → grid worker, 14 → doctor.</summary>
    public const int NotMeasuredTaskDays = 7;
    public const int NotMeasuredDoctorDays = 14;

    /// <summary>The defaults for an age (whole years) and a set of <see cref="Conditions"/>.</summary>
    public static CarePlanTargets For(int ageYears, IReadOnlyCollection<string> conditions, string? responsibleDoctorId = null)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var (systolic, diastolic, basis) =
            ageYears >= VeryElderlyAgeYears
                // ≥ 80 wins over diabetes: the guidelines relax targets for the very elderly (falls, hypoperfusion).
                ? (VeryElderlySystolicTargetMmHg, VeryElderlyDiastolicTargetMmHg, "基层高血压指南2020: ≥80岁 <150/90")
                : conditions.Contains(Conditions.Diabetes)
                    ? (DiabetesSystolicTargetMmHg, DiabetesDiastolicTargetMmHg, "基层高血压指南2020/中国2型糖尿病指南2020: 合并糖尿病 <130/80")
                    : (GeneralSystolicTargetMmHg, GeneralDiastolicTargetMmHg, "规范第三版/基层高血压指南2020: <140/90");
        return new CarePlanTargets
        {
            SystolicTargetMmHg = systolic,
            DiastolicTargetMmHg = diastolic,
            SystolicUrgentMmHg = SystolicUrgentMmHg,
            DiastolicUrgentMmHg = DiastolicUrgentMmHg,
            SystolicLowMmHg = SystolicLowMmHg,
            DiastolicLowMmHg = DiastolicLowMmHg,
            FastingGlucoseTargetMmolL = FastingGlucoseTargetMmolL,
            NonFastingGlucoseTargetMmolL = NonFastingGlucoseTargetMmolL,
            GlucoseUrgentHighMmolL = GlucoseUrgentHighMmolL,
            GlucoseUrgentLowMmolL = GlucoseUrgentLowMmolL,
            GlucoseLevel2HypoMmolL = GlucoseLevel2HypoMmolL,
            NotMeasuredTaskDays = NotMeasuredTaskDays,
            NotMeasuredDoctorDays = NotMeasuredDoctorDays,
            ResponsibleDoctorId = responsibleDoctorId,
            Basis = basis,
        };
    }

    /// <summary>Plan for an unassigned reading or a patient the registry does not know: the general defaults.</summary>
    public static CarePlanTargets Unknown { get; } = For(0, []);

    /// <summary>Whole years completed on <paramref name="today"/> (a birthday counts on the day itself).</summary>
    public static int AgeYears(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>A doctor's plan from the registry.</summary>
    public static CarePlanTargets FromPlan(CarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CarePlanTargets
        {
            SystolicTargetMmHg = plan.SystolicTargetMmHg,
            DiastolicTargetMmHg = plan.DiastolicTargetMmHg,
            SystolicUrgentMmHg = plan.SystolicUrgentMmHg,
            DiastolicUrgentMmHg = plan.DiastolicUrgentMmHg,
            SystolicLowMmHg = plan.SystolicLowMmHg,
            DiastolicLowMmHg = plan.DiastolicLowMmHg,
            FastingGlucoseTargetMmolL = plan.FastingGlucoseTargetMmolL,
            NonFastingGlucoseTargetMmolL = plan.NonFastingGlucoseTargetMmolL,
            GlucoseUrgentHighMmolL = plan.GlucoseUrgentHighMmolL,
            GlucoseUrgentLowMmolL = plan.GlucoseUrgentLowMmolL,
            GlucoseLevel2HypoMmolL = plan.GlucoseLevel2HypoMmolL,
            NotMeasuredTaskDays = plan.NotMeasuredTaskDays,
            NotMeasuredDoctorDays = plan.NotMeasuredDoctorDays,
            ResponsibleDoctorId = plan.ResponsibleDoctorId,
            Basis = plan.Basis,
        };
    }
}
