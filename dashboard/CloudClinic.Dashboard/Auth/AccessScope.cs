using System.Security.Claims;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// What a signed-in user may see (issue 7): a doctor and a clinic admin their clinic, a grid worker their grid's
/// patients, a county admin every clinic. One registry serves one county (DESIGN.md §1: the county cloud), so
/// "every clinic of the county" is every clinic in the registry.
/// </summary>
internal sealed record AccessScope(string UserId, string Role, string? ClinicId, string? GridId)
{
    public static AccessScope From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("signed-in user without an id claim"),
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue(ClinicClaims.ClinicId),
        user.FindFirstValue(ClinicClaims.GridId));

    public bool IsCountyAdmin => Role == UserRoles.CountyAdmin;

    /// <summary>Clinic-wide views (the wall, gateways): whole clinics, so not for a grid worker.</summary>
    public bool CanSeeClinicWide(string clinicId) =>
        IsCountyAdmin || (Role is UserRoles.Doctor or UserRoles.ClinicAdmin && ClinicId == clinicId);

    /// <summary>Facts about the clinic itself (its name and time zone): anyone working in it.</summary>
    public bool CanSeeClinicInfo(string clinicId) => IsCountyAdmin || ClinicId == clinicId;

    /// <summary>One patient's data, or an alert about them: by the patient's clinic and grid.</summary>
    public bool CanSeePatient(string clinicId, string? gridId) => Role switch
    {
        UserRoles.CountyAdmin => true,
        UserRoles.Doctor or UserRoles.ClinicAdmin => ClinicId == clinicId,
        UserRoles.GridWorker => ClinicId == clinicId && GridId is not null && GridId == gridId,
        _ => false,
    };

    /// <summary>Acknowledge, resolve, snooze: clinical actions, so doctors and grid workers within what they see; admins only look.</summary>
    public bool CanActOnAlert(string clinicId, string? gridId) =>
        Role is UserRoles.Doctor or UserRoles.GridWorker && CanSeePatient(clinicId, gridId);

    /// <summary>
    /// Change a patient's care plan (issue 7: "editable by doctors"): the clinic's doctors, and the admins who may
    /// already do it on the admin page (their clinic; the county admin every clinic). Grid workers only read it.
    /// </summary>
    public bool CanEditCarePlan(string clinicId) =>
        IsCountyAdmin || (Role is UserRoles.Doctor or UserRoles.ClinicAdmin && ClinicId == clinicId);

    /// <summary>The clinic a request means when it names none: the user's own.</summary>
    public string? DefaultClinicId => ClinicId;
}
