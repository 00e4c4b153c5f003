using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Level-2 hypoglycaemia: &lt; 3.0 mmol/L or the meter showed LO (meters' LO is about 1.1 mmol/L), CDS 2020 = ADA
/// Standards table 6.3. Critical: it escalates sooner than urgent. Clears above the urgent-low limit (&gt; 3.9).
/// </summary>
public sealed class GlucoseHypoLevel2Rule : IReadingRule
{
    public string Id => RuleIds.GlucoseHypoLevel2;

    public string Severity => AlertSeverities.Critical;

    public bool FiresWithoutPatient => true;

    public RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan)
    {
        if (reading.Kind != ReadingKinds.Glucose)
        {
            return RuleVerdict.NotApplicable;
        }

        if (IsLevel2(reading, plan))
        {
            return RuleVerdict.Fire;
        }

        return reading.OutOfRange is null && reading.GlucoseMmolL > plan.GlucoseUrgentLowMmolL ? RuleVerdict.Clear : RuleVerdict.Hold;
    }

    public static bool IsLevel2(in ReadingFacts reading, CarePlanTargets plan) =>
        reading.OutOfRange == OutOfRangeMarks.Low
        || (reading.OutOfRange is null && reading.GlucoseMmolL < plan.GlucoseLevel2HypoMmolL);
}
