using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Configuration;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The <c>clinic</c> query parameter: given, else the signed-in user's clinic, else <c>Dashboard:DefaultClinicId</c>
/// (a county admin has no clinic of their own); checked against DESIGN.md §3 ids. Whether the user may see it is the caller's check.
/// </summary>
internal static class ClinicQuery
{
    public static string? Resolve(string? clinic, AccessScope scope, DashboardOptions options, Dictionary<string, string[]> errors)
    {
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.DefaultClinicId ?? options.DefaultClinicId : clinic;
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
