using CloudClinic.Alerts.Rules;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// Default thresholds of DESIGN.md §6 (sources in CLINICAL-SOURCES.md §3). The urgent blood pressure limits are the
/// alert engine's own (<see cref="BpUrgentRule"/>); the rest are the §6 defaults until the engine grows the matching
/// rules. Per-patient values come from <see cref="ICareTargetSource"/>; these are what a patient without a care plan
/// gets.
/// </summary>
internal static class GuidelineDefaults
{
    /// <summary>规范第三版 urgent referral: SBP ≥ 180 and/or DBP ≥ 110 mmHg (the alert engine's rule).</summary>
    public const int SystolicUrgentMmHg = BpUrgentRule.SystolicUrgentMmHg;

    /// <inheritdoc cref="SystolicUrgentMmHg"/>
    public const int DiastolicUrgentMmHg = BpUrgentRule.DiastolicUrgentMmHg;

    /// <summary>Default target &lt; 140/90 mmHg (规范第三版; 基层指南 2020), DESIGN.md §6 "BP above target".</summary>
    public const int SystolicTargetMmHg = 140;

    /// <inheritdoc cref="SystolicTargetMmHg"/>
    public const int DiastolicTargetMmHg = 90;

    /// <summary>DESIGN.md §6 "BP low": SBP &lt; 90 or DBP &lt; 60 mmHg (derived, CLINICAL-SOURCES.md §3.4 BP-LOW).</summary>
    public const int SystolicLowMmHg = 90;

    /// <inheritdoc cref="SystolicLowMmHg"/>
    public const int DiastolicLowMmHg = 60;

    /// <summary>规范第三版 T2DM urgent referral: glucose ≥ 16.7 or ≤ 3.9 mmol/L (or meter HI/LO).</summary>
    public const double GlucoseUrgentHighMmolL = 16.7;

    /// <inheritdoc cref="GlucoseUrgentHighMmolL"/>
    public const double GlucoseUrgentLowMmolL = 3.9;

    /// <summary>Level 2 hypoglycaemia &lt; 3.0 mmol/L (CDS 2020 = ADA), DESIGN.md §6 "critical".</summary>
    public const double GlucoseCriticalLowMmolL = 3.0;

    /// <summary>Capillary fasting target 4.4–7.0 mmol/L (中国2型糖尿病防治指南2020; DESIGN.md §6: fasting ≥ 7.0 is above target).</summary>
    public const double FastingGlucoseTargetLowMmolL = 4.4;

    /// <inheritdoc cref="FastingGlucoseTargetLowMmolL"/>
    public const double FastingGlucoseTargetHighMmolL = 7.0;

    /// <summary>Non-fasting target &lt; 10.0 mmol/L (CDS 2020 / ADA), DESIGN.md §6.</summary>
    public const double NonFastingGlucoseTargetHighMmolL = 10.0;

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
