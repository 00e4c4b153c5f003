using System.Security.Claims;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.CarePlans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>GET/PUT/DELETE /api/admin/patients/{id}/care-plan</c>: view a patient's targets beside the guideline defaults,
/// set an individual plan within <see cref="CarePlanLimits"/>, or drop it (back to the defaults). Audited as
/// <c>admin.careplan.*</c> by <see cref="CarePlanEditor"/>, which the patient page's API shares.
/// </summary>
internal static class AdminCarePlansApi
{
    public const string AuditPrefix = "admin.careplan";

    public static void MapAdminCarePlansApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/patients/{id}/care-plan", GetAsync);
        admin.MapPut("/patients/{id}/care-plan", PutAsync);
        admin.MapDelete("/patients/{id}/care-plan", DeleteAsync);
    }

    private static async Task<Results<Ok<CarePlanView>, NotFound, ForbidHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, CarePlanEditor editor, CancellationToken ct)
    {
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(AccessScope.From(user), patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await editor.ViewAsync(patient, ct));
    }

    private static async Task<Results<Ok<CarePlanView>, BadRequest<FieldProblem[]>, NotFound, ForbidHttpResult>> PutAsync(
        string id, CarePlanTargets body, ClaimsPrincipal user, CarePlanEditor editor, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(scope, patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        var saved = await editor.SaveAsync(patient, body, scope.UserId, AuditPrefix, ct);
        return saved.View is { } view ? TypedResults.Ok(view) : TypedResults.BadRequest(FieldProblem.From(saved.Errors));
    }

    private static async Task<Results<Ok<CarePlanView>, NotFound, ForbidHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, CarePlanEditor editor, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(scope, patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await editor.ResetAsync(patient, scope.UserId, AuditPrefix, ct));
    }
}
