using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Urgent high glucose: ≥ 16.7 mmol/L (0.1 mmol/L resolution) or the meter showed HI, 规范第三版 2型糖尿病患者健康管理:
/// 血糖≥16.7mmol/L 须紧急转诊. Clears when a reading is under the target of its own meal context.
/// </summary>
public sealed class GlucoseUrgentHighRule : IReadingRule
{
    public string Id => RuleIds.GlucoseUrgentHigh;

    public string Severity => AlertSeverities.Urgent;

    public bool FiresWithoutPatient => true;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.Glucose)
        {
            return RuleVerdict.NotApplicable;
        }

        if (IsUrgentHigh(reading, plan))
        {
            return RuleVerdict.Fire;
        }

        if (reading.OutOfRange is not null || reading.GlucoseMmolL is not { } mmolL)
        {
            return RuleVerdict.Hold; // LO: not high, but nothing is in target either
        }

        var target = reading.IsFasting ? plan.FastingGlucoseTargetMmolL : plan.NonFastingGlucoseTargetMmolL;
        return mmolL < target ? RuleVerdict.Clear : RuleVerdict.Hold;
    }

    public static bool IsUrgentHigh(in ReadingFacts reading, CarePlanTargets plan) =>
        reading.OutOfRange == OutOfRangeMarks.High
        || (reading.OutOfRange is null && reading.GlucoseMmolL >= plan.GlucoseUrgentHighMmolL);
}
