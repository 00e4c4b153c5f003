using System.Security.Claims;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Dashboard.Admin;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.CarePlans;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The patient page's care plan (issue 7: "the care plan (editable by doctors)"), through the admin page's
/// <see cref="CarePlanEditor"/> (same limits, same audit, action <c>careplan.*</c>):
/// <list type="bullet">
/// <item><c>GET /api/patients/{id}/care-plan</c>: whoever may see the patient (<see cref="AccessScope.CanSeePatient"/>),
/// so also the grid worker of the patient's grid, read-only: the plan sets after how many days without a reading they
/// get a "not measured" task, and which targets the readings they are shown are judged by.</item>
/// <item><c>PUT</c> (<see cref="CarePlanTargets"/>) and <c>DELETE</c> (back to the guideline defaults): the clinic's
/// doctors and the admins in scope (<see cref="AccessScope.CanEditCarePlan"/>); anti-forgery header required.</item>
/// </list>
/// </summary>
internal static class PatientCarePlanApi
{
    public const string AuditPrefix = "careplan";

    public static void MapPatientCarePlanApi(this RouteGroupBuilder patients)
    {
        patients.MapGet("/{id}/care-plan", GetAsync);
        var changes = patients.MapGroup("/{id}/care-plan").AddEndpointFilter<AntiforgeryFilter>();
        changes.MapPut("", PutAsync);
        changes.MapDelete("", DeleteAsync);
    }

    private static async Task<Results<Ok<PatientCarePlan>, NotFound, ForbidHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, CarePlanEditor editor, RegistryDatabase database, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!scope.CanSeePatient(patient.ClinicId, patient.GridId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await PageAsync(await editor.ViewAsync(patient, ct), patient, scope, database, ct));
    }

    private static async Task<Results<Ok<PatientCarePlan>, BadRequest<FieldProblem[]>, NotFound, ForbidHttpResult>> PutAsync(
        string id, CarePlanTargets body, ClaimsPrincipal user, CarePlanEditor editor, RegistryDatabase database, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!scope.CanEditCarePlan(patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        var saved = await editor.SaveAsync(patient, body, scope.UserId, AuditPrefix, ct);
        return saved.View is { } view
            ? TypedResults.Ok(await PageAsync(view, patient, scope, database, ct))
            : TypedResults.BadRequest(FieldProblem.From(saved.Errors));
    }

    private static async Task<Results<Ok<PatientCarePlan>, NotFound, ForbidHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, CarePlanEditor editor, RegistryDatabase database, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var patient = await editor.FindPatientAsync(id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!scope.CanEditCarePlan(patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await PageAsync(await editor.ResetAsync(patient, scope.UserId, AuditPrefix, ct), patient, scope, database, ct));
    }

    /// <summary>The view with what the page shows around it: people by display name, the basis, the form's ranges.</summary>
    private static async Task<PatientCarePlan> PageAsync(CarePlanView view, Patient patient, AccessScope scope, RegistryDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var plan = await db.CarePlans.AsNoTracking().Where(c => c.PatientId == patient.Id)
            .Select(c => new { c.UpdatedAt, c.UpdatedBy }).SingleOrDefaultAsync(ct);
        var doctorId = view.Current.ResponsibleDoctorId ?? patient.ResponsibleDoctorId;
        var people = new[] { doctorId, plan?.UpdatedBy }.OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(string? userId) => userId is null ? null : names.GetValueOrDefault(userId, userId);
        return new PatientCarePlan(
            view,
            scope.CanEditCarePlan(patient.ClinicId),
            PatientCarePlan.BasisOf(view.Defaults),
            Name(doctorId),
            plan?.UpdatedAt,
            Name(plan?.UpdatedBy),
            CarePlanLimits.Ranges);
    }
}
