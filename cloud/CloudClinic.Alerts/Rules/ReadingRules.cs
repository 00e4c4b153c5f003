using System.Collections.Immutable;

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
}
