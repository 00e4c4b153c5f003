using System.Security.Claims;
using CloudClinic.Alerts.Roster;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>GET /api/admin/patients?clinic=…</c> (masked names only), <c>POST /api/admin/patients</c> and
/// <c>PUT /api/admin/patients/{id}</c> (<see cref="PatientInput"/>). Writes are audited and republish the clinic's
/// check-in roster (<see cref="RosterChangeSignal"/>).
/// </summary>
internal static class AdminPatientsApi
{
    public const int MaxListed = 10_000;

    public static void MapAdminPatientsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/patients", ListAsync);
        admin.MapPost("/patients", CreateAsync);
        admin.MapPut("/patients/{id}", UpdateAsync);
    }

    private static async Task<Results<Ok<AdminPatient[]>, BadRequest<FieldProblem[]>, ForbidHttpResult>> ListAsync(
        string? clinic, ClaimsPrincipal user, RegistryDatabase database, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        if (AdminAccess.ResolveClinic(clinic, scope, out var problem) is not { } clinicId)
        {
            return TypedResults.BadRequest(new[] { problem! });
        }

        if (!AdminAccess.CanAdminister(scope, clinicId))
        {
            return TypedResults.Forbid();
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patients = await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId).OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id).Take(MaxListed).ToListAsync(ct);
        var ids = patients.Select(p => p.Id).ToList();
        var conditions = (await db.PatientConditions.AsNoTracking().Where(c => ids.Contains(c.PatientId)).ToListAsync(ct))
            .ToLookup(c => c.PatientId, c => c.Condition);
        var plans = (await db.CarePlans.AsNoTracking().Where(c => ids.Contains(c.PatientId)).Select(c => c.PatientId).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(patients.Select(p => ToAdmin(p, conditions[p.Id].Order(StringComparer.Ordinal).ToList(), plans.Contains(p.Id))).ToArray());
    }

    private static async Task<IResult> CreateAsync(
        PatientInput body, ClaimsPrincipal user, HttpContext http, RegistryDatabase database, RosterChangeSignal roster, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        if (AdminAccess.ResolveClinic(body.ClinicId, scope, out var problem) is not { } clinicId)
        {
            return TypedResults.BadRequest(new[] { problem! });
        }

        if (!AdminAccess.CanAdminister(scope, clinicId))
        {
            return TypedResults.Forbid();
        }

        if (http.RequestServices.GetService<PatientEditor>() is not { } editor)
        {
            return AdminAccess.KeyMissing();
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        if (await editor.ContextAsync(db, clinicId, ct) is not { } context)
        {
            return TypedResults.BadRequest(FieldProblem.From([new FieldError("clinicId", FieldErrors.UnknownClinic)]));
        }

        var errors = new List<FieldError>();
        var fields = PatientFieldValidator.Validate(body, context, isNew: true, errors);
        if (fields is not null && await editor.ConflictAsync(db, clinicId, null, fields, ct) is { } conflict)
        {
            errors.Add(conflict);
        }

        if (fields is null || errors.Count > 0)
        {
            return TypedResults.BadRequest(FieldProblem.From(errors));
        }

        var patient = editor.NewPatient(clinicId);
        db.Patients.Add(patient);
        await editor.ApplyAsync(db, patient, fields, ct);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.patient.created", "patient", patient.Id, clinicId));
        await db.SaveChangesAsync(ct);
        roster.Changed(clinicId);
        return TypedResults.Created($"/api/admin/patients/{patient.Id}", ToAdmin(patient, fields.Conditions, hasCarePlan: false));
    }

    private static async Task<IResult> UpdateAsync(
        string id, PatientInput body, ClaimsPrincipal user, HttpContext http, RegistryDatabase database, RosterChangeSignal roster, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return TypedResults.NotFound();
        }

        if (!AdminAccess.CanAdminister(scope, patient.ClinicId))
        {
            return TypedResults.Forbid();
        }

        if (http.RequestServices.GetService<PatientEditor>() is not { } editor)
        {
            return AdminAccess.KeyMissing();
        }

        var context = (await editor.ContextAsync(db, patient.ClinicId, ct))!;
        var errors = new List<FieldError>();
        var fields = PatientFieldValidator.Validate(body, context, isNew: false, errors);
        if (fields is not null && await editor.ConflictAsync(db, patient.ClinicId, patient.Id, fields, ct) is { } conflict)
        {
            errors.Add(conflict);
        }

        if (fields is null || errors.Count > 0)
        {
            return TypedResults.BadRequest(FieldProblem.From(errors));
        }

        await editor.ApplyAsync(db, patient, fields, ct);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.patient.updated", "patient", patient.Id, patient.ClinicId));
        await db.SaveChangesAsync(ct);
        roster.Changed(patient.ClinicId);
        var hasPlan = await db.CarePlans.AnyAsync(c => c.PatientId == patient.Id, ct);
        var conditions = await db.PatientConditions.AsNoTracking().Where(c => c.PatientId == patient.Id).Select(c => c.Condition).OrderBy(c => c).ToListAsync(ct);
        return TypedResults.Ok(ToAdmin(patient, conditions, hasPlan));
    }

    private static AdminPatient ToAdmin(Patient p, IReadOnlyList<string> conditions, bool hasCarePlan) => new(
        p.Id, p.ClinicId, p.MaskedName, p.BirthDate, p.GridId, conditions, p.ResponsibleDoctorId,
        p.NationalIdProtected is not null, p.PhoneProtected is not null, p.CardCodeHash is not null, hasCarePlan);
}
