namespace CloudClinic.Dashboard.Api;

/// <summary>The clinic's current local day: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
internal sealed record ClinicDay(string ClinicId, string TimeZone, DateOnly Day, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now);
