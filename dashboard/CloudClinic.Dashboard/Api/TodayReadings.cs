using CloudClinic.Dashboard.Clinical;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The live wall's list: the clinic's readings measured today (local day), newest first. <see cref="Truncated"/> is
/// true when the day held more than the limit and the oldest were left out.
/// </summary>
internal sealed record TodayReadings(ClinicDay Day, bool Truncated, ScoredReading[] Readings);
