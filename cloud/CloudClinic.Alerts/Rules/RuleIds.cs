namespace CloudClinic.Alerts.Rules;

/// <summary>Rule ids on the wire (<c>rule</c> of an alert event) and in snoozes: one per DESIGN.md §6 row, the glucose rows split so a snooze of one never hides another.</summary>
public static class RuleIds
{
    public const string BpUrgent = "bp-urgent";
    public const string BpAboveTarget = "bp-above-target";
    public const string BpUncontrolledTwice = "bp-uncontrolled-twice";
    public const string BpLow = "bp-low";
    public const string GlucoseUrgentHigh = "glucose-urgent-high";
    public const string GlucoseUrgentLow = "glucose-urgent-low";
    public const string GlucoseHypoLevel2 = "glucose-hypo-level2";
    public const string GlucoseFastingAboveTarget = "glucose-fasting-above-target";
    public const string GlucoseNonFastingAboveTarget = "glucose-nonfasting-above-target";
    public const string NotMeasured = "not-measured";
    public const string GatewayOffline = "gateway-offline";
}
