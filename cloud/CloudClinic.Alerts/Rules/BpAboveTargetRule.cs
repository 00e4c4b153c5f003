using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Above target: SBP ≥ target or DBP ≥ target (the target is "&lt; 140/90": 140 is uncontrolled), 规范 分类干预.
/// An urgent reading is reported by <see cref="BpUrgentRule"/> alone (inhibition, as Alertmanager does), so this
/// rule holds instead of firing a second alert for the same 182/112.
/// </summary>
public sealed class BpAboveTargetRule : IReadingRule
{
    public string Id => RuleIds.BpAboveTarget;

    public string Severity => AlertSeverities.Warning;

    public bool FiresWithoutPatient => false;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.BloodPressure || reading.SystolicMmHg is not { } sbp || reading.DiastolicMmHg is not { } dbp)
        {
            return RuleVerdict.NotApplicable;
        }

        return !IsAboveTarget(sbp, dbp, plan) ? RuleVerdict.Clear
            : BpUrgentRule.IsUrgent(sbp, dbp, plan) ? RuleVerdict.Hold
            : RuleVerdict.Fire;
    }

    public static bool IsAboveTarget(int systolicMmHg, int diastolicMmHg, CarePlanTargets plan) =>
        systolicMmHg >= plan.SystolicTargetMmHg || diastolicMmHg >= plan.DiastolicTargetMmHg;
}
