using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;

namespace CloudClinic.Dashboard.Integration;

/// <summary>Query checks shared by the integration endpoints.</summary>
internal static class IntegrationQuery
{
    /// <summary>Longest time window one call may ask for (a year and a day, so "the last year" always fits).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>
    /// The clinic a call means: the one given, else the caller's own; null = every clinic, which only a county-wide
    /// caller may ask for. False when the caller may not see it (403).
    /// </summary>
    public static bool TryResolveClinic(string? clinic, AccessScope scope, Dictionary<string, string[]> errors, out string? clinicId)
    {
        clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        if (clinicId is not null && !Topics.IsValidId(clinicId))
        {
            errors["clinic"] = ["clinic must match [a-z0-9-]{1,64}."];
            return true;
        }

        return clinicId is null ? scope.IsCountyAdmin : scope.CanSeeClinicInfo(clinicId);
    }

    /// <summary>Checks <c>from</c>/<c>to</c>: from before to, at most <see cref="MaxWindow"/> apart.</summary>
    public static void CheckWindow(DateTimeOffset from, DateTimeOffset to, Dictionary<string, string[]> errors)
    {
        if (from >= to)
        {
            errors["from"] = ["from must be before to."];
        }
        else if (to - from > MaxWindow)
        {
            errors["to"] = [$"the window from..to must be at most {MaxWindow.TotalDays:0} days."];
        }
    }

    public static void CheckLimit(int? limit, int max, Dictionary<string, string[]> errors)
    {
        if (limit is < 1 || limit > max)
        {
            errors["limit"] = [$"limit must be between 1 and {max}."];
        }
    }
}
