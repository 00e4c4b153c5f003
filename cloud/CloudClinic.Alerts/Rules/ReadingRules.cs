using System.Collections.Immutable;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>Every per-reading rule of DESIGN.md §6, in the order alerts are raised (most severe first).</summary>
public static class ReadingRules
{
    // An ImmutableArray, not an IReadOnlyList: the ingest and the engine run through the rules several times per reading,
    // and a foreach over the interface allocated an enumerator each time (~95 bytes per reading in the ingest's
    // allocation samples, EventPipe, bench/ at 100 readings/message).
    public static ImmutableArray<IReadingRule> All { get; } =
    [
        new GlucoseHypoLevel2Rule(),
        new BpUrgentRule(),
        new GlucoseUrgentHighRule(),
        new GlucoseUrgentLowRule(),
        new BpUncontrolledTwiceRule(),
        new BpAboveTargetRule(),
        new BpLowRule(),
        GlucoseAboveTargetRule.Fasting,
        GlucoseAboveTargetRule.NonFasting,
    ];

    public static IReadingRule? Find(string ruleId) => All.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>
    /// Whether a reading fires a rule that needs no patient (urgent by the default limits): the ingest hands such readings
    /// to the engine first, whether it evaluates them at once or queues them.
    /// </summary>
    public static bool LooksUrgent(ReadingMessage reading)
    {
        var facts = ReadingFacts.From(reading);
        var plan = CarePlanDefaults.Unknown;
        // A loop, not Any with a lambda: this runs for every stored reading, and the lambda's closure and delegate were
        // ~170 bytes per reading (the ingest's allocation samples).
        foreach (var rule in All)
        {
            if (rule.FiresWithoutPatient && rule.Evaluate(facts, plan) == RuleVerdict.Fire)
            {
                return true;
            }
        }

        return false;
    }
}
