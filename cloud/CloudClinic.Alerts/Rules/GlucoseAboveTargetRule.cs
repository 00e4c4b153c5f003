using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Glucose above target for one meal context: fasting ≥ 7.0 or non-fasting ≥ 10.0 mmol/L (中国2型糖尿病防治指南 2020
/// capillary targets; 规范 分类干预 uses FPG ≥ 7.0 as uncontrolled). Two instances, one per context, so a fasting
/// alert is resolved only by a fasting reading in target. Urgent-high readings are left to <see cref="GlucoseUrgentHighRule"/>.
/// </summary>
public sealed class GlucoseAboveTargetRule(bool fasting) : IReadingRule
{
    public static readonly GlucoseAboveTargetRule Fasting = new(fasting: true);
    public static readonly GlucoseAboveTargetRule NonFasting = new(fasting: false);

    public string Id => fasting ? RuleIds.GlucoseFastingAboveTarget : RuleIds.GlucoseNonFastingAboveTarget;

    public string Severity => AlertSeverities.Warning;

    public bool FiresWithoutPatient => false;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.Glucose || reading.IsFasting != fasting)
        {
            return RuleVerdict.NotApplicable;
        }

        if (reading.OutOfRange is not null || reading.GlucoseMmolL is not { } mmolL)
        {
            return RuleVerdict.Hold;
        }

        var target = fasting ? plan.FastingGlucoseTargetMmolL : plan.NonFastingGlucoseTargetMmolL;
        return mmolL < target ? RuleVerdict.Clear
            : GlucoseUrgentHighRule.IsUrgentHigh(reading, plan) ? RuleVerdict.Hold
            : RuleVerdict.Fire;
    }
}
