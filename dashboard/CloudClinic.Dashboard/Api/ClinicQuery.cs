using CloudClinic.Contracts;
using CloudClinic.Dashboard.Configuration;

namespace CloudClinic.Dashboard.Api;

/// <summary>The <c>clinic</c> query parameter: given, or <c>Dashboard:DefaultClinicId</c>; checked against DESIGN.md §3 ids.</summary>
internal static class ClinicQuery
{
    public static string? Resolve(string? clinic, DashboardOptions options, Dictionary<string, string[]> errors)
    {
        var clinicId = string.IsNullOrEmpty(clinic) ? options.DefaultClinicId : clinic;
        if (Topics.IsValidId(clinicId))
        {
            return clinicId;
        }

        errors["clinic"] = [clinicId is null
            ? "clinic is required (no Dashboard:DefaultClinicId is configured)."
            : "clinic must match [a-z0-9-]{1,64}."];
        return null;
    }
}
