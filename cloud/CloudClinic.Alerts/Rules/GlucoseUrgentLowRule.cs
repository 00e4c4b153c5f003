using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Urgent low glucose: ≤ 3.9 mmol/L, 规范第三版 (血糖≤3.9mmol/L 紧急转诊; note ≤, where CDS/ADA hypoglycaemia is &lt; 3.9:
/// the 规范 is the binding service rule, and 70 mg/dL displays as 3.9). A value under 3.0 or LO is reported by
/// <see cref="GlucoseHypoLevel2Rule"/> instead (one alert per reading). Clears at &gt; 3.9.
/// </summary>
public sealed class GlucoseUrgentLowRule : IReadingRule
{
    public string Id => RuleIds.GlucoseUrgentLow;

    public string Severity => AlertSeverities.Urgent;

    public bool FiresWithoutPatient => true;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.Glucose)
        {
            return RuleVerdict.NotApplicable;
        }

        if (GlucoseHypoLevel2Rule.IsLevel2(reading, plan))
        {
            return RuleVerdict.Hold;
        }

        if (reading.OutOfRange is not null || reading.GlucoseMmolL is not { } mmolL)
        {
            return RuleVerdict.Hold;
        }

        return mmolL <= plan.GlucoseUrgentLowMmolL ? RuleVerdict.Fire : RuleVerdict.Clear;
    }
}
