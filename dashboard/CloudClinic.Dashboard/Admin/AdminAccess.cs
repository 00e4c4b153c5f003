using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// Who administers what (issue 7): a clinic admin their own clinic, a county admin every clinic of the county's
/// registry; doctors and grid workers nothing (403 on every admin endpoint, checked by <see cref="Filter"/>).
/// </summary>
internal static class AdminAccess
{
    public static bool IsAdmin(AccessScope scope) => scope.Role is UserRoles.ClinicAdmin or UserRoles.CountyAdmin;

    public static bool CanAdminister(AccessScope scope, string clinicId) =>
        scope.IsCountyAdmin || (scope.Role == UserRoles.ClinicAdmin && scope.ClinicId == clinicId);

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsAdmin(AccessScope.From(context.HttpContext.User)) ? await next(context) : TypedResults.Forbid();

    /// <summary>
    /// The clinic a request is about: the one named, else the admin's own. Null with a problem when neither is a valid id
    /// (a county admin has no clinic of their own, so must name one).
    /// </summary>
    public static string? ResolveClinic(string? clinic, AccessScope scope, out FieldProblem? problem)
    {
        problem = null;
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        if (!Topics.IsValidId(clinicId))
        {
            problem = FieldProblem.From(0, new FieldError("clinic", clinicId is null ? FieldErrors.Required : FieldErrors.InvalidId));
            return null;
        }

        return clinicId;
    }

    /// <summary>The patient editor and importer exist only with <c>Registry:EncryptionKey</c> configured.</summary>
    public static IResult KeyMissing() => TypedResults.Problem(
        "patients cannot be written: Registry:EncryptionKey is not configured (base64 of 32 bytes)", statusCode: StatusCodes.Status503ServiceUnavailable);
}
