using CloudClinic.Dashboard.Clinical;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// What the patient page draws: every reading of the window oldest first (with its colour), the targets the band
/// is drawn from, the control rate and the newest reading of each kind (also when it is older than the window).
/// </summary>
internal sealed record PatientHistory(
    string PatientId,
    string TimeZone,
    int Days,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateTimeOffset Start,
    DateTimeOffset End,
    CareTargets Targets,
    ControlRates Control,
    ScoredReading? LastBloodPressure,
    ScoredReading? LastGlucose,
    ScoredReading[] Readings);
