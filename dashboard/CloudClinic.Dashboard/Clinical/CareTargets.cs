namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// A patient's control targets: "below" limits are exclusive (SBP 140 is above a 140/90 target, DESIGN.md §6 "≥ plan
/// target"), the low limits are the lower edge of the band drawn on the charts.
/// </summary>
/// <param name="Source">Where they came from: <c>guideline-default</c> today, the care plan once the registry has one.</param>
internal sealed record CareTargets(
    int SystolicBelowMmHg,
    int DiastolicBelowMmHg,
    int SystolicLowMmHg,
    int DiastolicLowMmHg,
    double FastingGlucoseLowMmolL,
    double FastingGlucoseBelowMmolL,
    double NonFastingGlucoseBelowMmolL,
    string Source);
