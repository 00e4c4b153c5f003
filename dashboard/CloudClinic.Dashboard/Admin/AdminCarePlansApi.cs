using System.Security.Claims;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>GET/PUT/DELETE /api/admin/patients/{id}/care-plan</c>: view a patient's targets beside the guideline defaults,
/// set an individual plan within <see cref="CarePlanLimits"/>, or drop it (back to the defaults). Audited.
/// </summary>
internal static class AdminCarePlansApi
{
    public const string IndividualBasis = "individual";

    public static void MapAdminCarePlansApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/patients/{id}/care-plan", GetAsync);
        admin.MapPut("/patients/{id}/care-plan", PutAsync);
        admin.MapDelete("/patients/{id}/care-plan", DeleteAsync);
    }

    private static async Task<Results<Ok<CarePlanView>, NotFound, ForbidHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(AccessScope.From(user), patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await ViewAsync(db, patient, time, ct));
    }

    private static async Task<Results<Ok<CarePlanView>, BadRequest<FieldProblem[]>, NotFound, ForbidHttpResult>> PutAsync(
        string id, CarePlanTargets body, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(scope, patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        var errors = CarePlanLimits.Check(body);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(FieldProblem.From(errors));
        }

        var plan = await db.CarePlans.SingleOrDefaultAsync(c => c.PatientId == id, ct);
        if (plan is null)
        {
            plan = new CarePlan { PatientId = id };
            db.CarePlans.Add(plan);
        }

        (plan.SystolicTargetMmHg, plan.DiastolicTargetMmHg) = (body.SystolicTargetMmHg, body.DiastolicTargetMmHg);
        (plan.SystolicUrgentMmHg, plan.DiastolicUrgentMmHg) = (body.SystolicUrgentMmHg, body.DiastolicUrgentMmHg);
        (plan.SystolicLowMmHg, plan.DiastolicLowMmHg) = (body.SystolicLowMmHg, body.DiastolicLowMmHg);
        (plan.FastingGlucoseTargetMmolL, plan.NonFastingGlucoseTargetMmolL) = (body.FastingGlucoseTargetMmolL, body.NonFastingGlucoseTargetMmolL);
        (plan.GlucoseUrgentHighMmolL, plan.GlucoseUrgentLowMmolL, plan.GlucoseLevel2HypoMmolL) =
            (body.GlucoseUrgentHighMmolL, body.GlucoseUrgentLowMmolL, body.GlucoseLevel2HypoMmolL);
        (plan.NotMeasuredTaskDays, plan.NotMeasuredDoctorDays) = (body.NotMeasuredTaskDays, body.NotMeasuredDoctorDays);
        plan.ResponsibleDoctorId = patient.ResponsibleDoctorId;
        plan.Basis = IndividualBasis;
        (plan.UpdatedAt, plan.UpdatedBy) = (time.GetUtcNow(), scope.UserId);
        db.Audit.Add(AdminAudit.Entry(plan.UpdatedAt, scope.UserId, "admin.careplan.updated", "patient", id, patient.ClinicId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, patient, time, ct));
    }

    private static async Task<Results<Ok<CarePlanView>, NotFound, ForbidHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(scope, patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        if (await db.CarePlans.SingleOrDefaultAsync(c => c.PatientId == id, ct) is { } plan)
        {
            db.CarePlans.Remove(plan);
            db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.careplan.reset", "patient", id, patient.ClinicId));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await ViewAsync(db, patient, time, ct));
    }

    private static async Task<CarePlanView> ViewAsync(RegistryDbContext db, Patient patient, TimeProvider time, CancellationToken ct)
    {
        var conditions = await db.PatientConditions.AsNoTracking().Where(c => c.PatientId == patient.Id).Select(c => c.Condition).ToListAsync(ct);
        var zoneId = await db.Clinics.AsNoTracking().Where(c => c.Id == patient.ClinicId).Select(c => c.TimeZoneId).SingleOrDefaultAsync(ct);
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var defaults = CarePlanDefaults.For(CarePlanDefaults.AgeYears(patient.BirthDate, today), conditions, patient.ResponsibleDoctorId);
        var plan = await db.CarePlans.AsNoTracking().SingleOrDefaultAsync(c => c.PatientId == patient.Id, ct);
        return new CarePlanView(patient.Id, patient.MaskedName, plan is not null, plan is null ? defaults : CarePlanDefaults.FromPlan(plan), defaults);
    }
}
