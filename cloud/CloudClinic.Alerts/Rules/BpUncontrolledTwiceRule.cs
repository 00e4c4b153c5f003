using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Two consecutive blood pressure readings above target (this one and the patient's previous one by
/// <c>measuredAt</c>), 规范 分类干预: 连续两次控制不满意 → 转诊, so the alert suggests referral. Urgent readings count as
/// above target here: the referral question stands whatever the urgent alert does.
/// </summary>
public sealed class BpUncontrolledTwiceRule : IReadingRule
{
    public string Id => RuleIds.BpUncontrolledTwice;

    public string Severity => AlertSeverities.Warning;

    public bool FiresWithoutPatient => false;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.BloodPressure || reading.SystolicMmHg is not { } sbp || reading.DiastolicMmHg is not { } dbp)
        {
            return RuleVerdict.NotApplicable;
        }

        if (!BpAboveTargetRule.IsAboveTarget(sbp, dbp, plan))
        {
            return RuleVerdict.Clear;
        }

        return reading.PreviousBpAboveTarget == true ? RuleVerdict.Fire : RuleVerdict.Hold;
    }
}
