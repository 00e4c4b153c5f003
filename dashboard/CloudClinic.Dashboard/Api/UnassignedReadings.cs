using CloudClinic.Dashboard.Clinical;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The unassigned-readings page's list: the clinic's readings without a patient measured in the last
/// <see cref="Days"/> local days, newest first, with their colours. <see cref="Truncated"/> is true when there were
/// more than the page shows (the oldest are left out).
/// </summary>
internal sealed record UnassignedReadings(
    string ClinicId,
    string TimeZone,
    int Days,
    DateTimeOffset From,
    DateTimeOffset To,
    bool Truncated,
    ScoredReading[] Readings);
