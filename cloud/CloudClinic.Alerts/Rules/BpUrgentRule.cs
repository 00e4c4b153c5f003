using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Urgent blood pressure: SBP ≥ 180 or DBP ≥ 110 mmHg (plan limits; whole mmHg). 国家基本公共卫生服务规范（第三版）,
/// 高血压患者健康管理服务规范: 收缩压≥180mmHg和/或舒张压≥110mmHg 须紧急转诊. Fires for unassigned readings and unknown
/// patients too. Clears only when the reading is back under the patient's target, not merely under 180/110.
/// </summary>
public sealed class BpUrgentRule : IReadingRule
{
    public const string RuleId = RuleIds.BpUrgent;

    public string Id => RuleId;

    public string Severity => AlertSeverities.Urgent;

    public bool FiresWithoutPatient => true;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.BloodPressure || reading.SystolicMmHg is not { } sbp || reading.DiastolicMmHg is not { } dbp)
        {
            return RuleVerdict.NotApplicable;
        }

        return IsUrgent(sbp, dbp, plan) ? RuleVerdict.Fire
            : BpAboveTargetRule.IsAboveTarget(sbp, dbp, plan) ? RuleVerdict.Hold
            : RuleVerdict.Clear;
    }

    public static bool IsUrgent(int systolicMmHg, int diastolicMmHg, CarePlanTargets plan) =>
        systolicMmHg >= plan.SystolicUrgentMmHg || diastolicMmHg >= plan.DiastolicUrgentMmHg;
}
