using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// Default thresholds of DESIGN.md §6 for colouring and target bands: the alert engine's own care-plan defaults
/// (<see cref="CarePlanDefaults"/>, sources in docs/clinical-rules.md), so the wall and the alerts never disagree.
/// Only the lower edge of the fasting band (4.4 mmol/L) is the dashboard's: no alert rule uses it. Per-patient values come from <see cref="ICareTargetSource"/>; these are what a patient without a care plan
/// gets.
/// </summary>
internal static class GuidelineDefaults
{
    /// <summary>规范第三版 urgent referral: SBP ≥ 180 and/or DBP ≥ 110 mmHg (the alert engine's rule).</summary>
    public const int SystolicUrgentMmHg = CarePlanDefaults.SystolicUrgentMmHg;

    /// <inheritdoc cref="SystolicUrgentMmHg"/>
    public const int DiastolicUrgentMmHg = CarePlanDefaults.DiastolicUrgentMmHg;

    /// <summary>Default target &lt; 140/90 mmHg (规范第三版; 基层指南 2020), DESIGN.md §6 "BP above target".</summary>
    public const int SystolicTargetMmHg = CarePlanDefaults.GeneralSystolicTargetMmHg;

    /// <inheritdoc cref="SystolicTargetMmHg"/>
    public const int DiastolicTargetMmHg = CarePlanDefaults.GeneralDiastolicTargetMmHg;

    /// <summary>DESIGN.md §6 "BP low": SBP &lt; 90 or DBP &lt; 60 mmHg (derived, CLINICAL-SOURCES.md §3.4 BP-LOW).</summary>
    public const int SystolicLowMmHg = CarePlanDefaults.SystolicLowMmHg;

    /// <inheritdoc cref="SystolicLowMmHg"/>
    public const int DiastolicLowMmHg = CarePlanDefaults.DiastolicLowMmHg;

    /// <summary>规范第三版 T2DM urgent referral: glucose ≥ 16.7 or ≤ 3.9 mmol/L (or meter HI/LO).</summary>
    public const double GlucoseUrgentHighMmolL = CarePlanDefaults.GlucoseUrgentHighMmolL;

    /// <inheritdoc cref="GlucoseUrgentHighMmolL"/>
    public const double GlucoseUrgentLowMmolL = CarePlanDefaults.GlucoseUrgentLowMmolL;

    /// <summary>Level 2 hypoglycaemia &lt; 3.0 mmol/L (CDS 2020 = ADA), DESIGN.md §6 "critical".</summary>
    public const double GlucoseCriticalLowMmolL = CarePlanDefaults.GlucoseLevel2HypoMmolL;

    /// <summary>Capillary fasting target 4.4–7.0 mmol/L (中国2型糖尿病防治指南2020; DESIGN.md §6: fasting ≥ 7.0 is above target).</summary>
    public const double FastingGlucoseTargetLowMmolL = 4.4;

    /// <inheritdoc cref="FastingGlucoseTargetLowMmolL"/>
    public const double FastingGlucoseTargetHighMmolL = CarePlanDefaults.FastingGlucoseTargetMmolL;

    /// <summary>Non-fasting target &lt; 10.0 mmol/L (CDS 2020 / ADA), DESIGN.md §6.</summary>
    public const double NonFastingGlucoseTargetHighMmolL = CarePlanDefaults.NonFastingGlucoseTargetMmolL;

    /// <summary>Where <see cref="CareTargets.Source"/> says these defaults came from.</summary>
    public const string Source = "guideline-default";

    public static CareTargets Targets { get; } = new(
        SystolicTargetMmHg,
        DiastolicTargetMmHg,
        SystolicLowMmHg,
        DiastolicLowMmHg,
        FastingGlucoseTargetLowMmolL,
        FastingGlucoseTargetHighMmolL,
        NonFastingGlucoseTargetHighMmolL,
        Source);
}
