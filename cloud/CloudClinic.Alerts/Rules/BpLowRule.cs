using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Low blood pressure: SBP &lt; 90 or DBP &lt; 60 mmHg (DESIGN.md §6; derived — no primary-care number was found, see
/// docs/clinical-rules.md). Clears at SBP ≥ 90 and DBP ≥ 60.
/// </summary>
public sealed class BpLowRule : IReadingRule
{
    public string Id => RuleIds.BpLow;

    public string Severity => AlertSeverities.Warning;

    public bool FiresWithoutPatient => false;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.BloodPressure || reading.SystolicMmHg is not { } sbp || reading.DiastolicMmHg is not { } dbp)
        {
            return RuleVerdict.NotApplicable;
        }

        return sbp < plan.SystolicLowMmHg || dbp < plan.DiastolicLowMmHg ? RuleVerdict.Fire : RuleVerdict.Clear;
    }
}
