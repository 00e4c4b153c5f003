namespace CloudClinic.Alerts.Rules;

/// <summary>Every per-reading rule of DESIGN.md §6, in the order alerts are raised (most severe first).</summary>
public static class ReadingRules
{
    public static IReadOnlyList<IReadingRule> All { get; } =
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
