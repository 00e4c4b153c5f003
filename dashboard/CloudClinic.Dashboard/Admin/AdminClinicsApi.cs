using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>GET/POST /api/admin/clinics</c> (creating a clinic is the county admin's) and <c>GET/POST /api/admin/grids?clinic=…</c>
/// (a grid belongs to a clinic; its admin creates it). Every creation is audited.
/// </summary>
internal static class AdminClinicsApi
{
    public const int MaxNameLength = 100;

    public static void MapAdminClinicsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/clinics", ClinicsAsync);
        admin.MapPost("/clinics", CreateClinicAsync);
        admin.MapGet("/grids", GridsAsync);
        admin.MapPost("/grids", CreateGridAsync);
    }

    private static async Task<Ok<AdminClinic[]>> ClinicsAsync(ClaimsPrincipal user, RegistryDatabase database, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var clinics = db.Clinics.AsNoTracking();
        clinics = scope.IsCountyAdmin ? clinics : clinics.Where(c => c.Id == scope.ClinicId);
        return TypedResults.Ok(await clinics.OrderBy(c => c.Id).Select(c => new AdminClinic(c.Id, c.Name, c.TimeZoneId)).ToArrayAsync(ct));
    }

    private static async Task<Results<Created<AdminClinic>, BadRequest<FieldProblem[]>, ForbidHttpResult>> CreateClinicAsync(
        AdminClinic body, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        if (!scope.IsCountyAdmin)
        {
            return TypedResults.Forbid();
        }

        var errors = new List<FieldError>();
        var name = Name(body.Name, errors);
        var zone = string.IsNullOrWhiteSpace(body.TimeZoneId) ? "Asia/Shanghai" : body.TimeZoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add(new FieldError("timeZoneId", FieldErrors.UnknownTimeZone));
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        await CheckNewIdAsync(body.Id, () => db.Clinics.AnyAsync(c => c.Id == body.Id, ct), errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(FieldProblem.From(errors));
        }

        var clinic = new Clinic { Id = body.Id!, Name = name!, TimeZoneId = zone };
        db.Clinics.Add(clinic);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.clinic.created", "clinic", clinic.Id, clinic.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/clinics/{clinic.Id}", new AdminClinic(clinic.Id, clinic.Name, clinic.TimeZoneId));
    }

    private static async Task<Results<Ok<AdminGrid[]>, BadRequest<FieldProblem[]>, ForbidHttpResult>> GridsAsync(
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
        return TypedResults.Ok(await db.Grids.AsNoTracking().Where(g => g.ClinicId == clinicId).OrderBy(g => g.Id)
            .Select(g => new AdminGrid(g.Id, g.ClinicId, g.Name)).ToArrayAsync(ct));
    }

    private static async Task<Results<Created<AdminGrid>, BadRequest<FieldProblem[]>, ForbidHttpResult>> CreateGridAsync(
        AdminGrid body, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
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

        var errors = new List<FieldError>();
        var name = Name(body.Name, errors);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        if (!await db.Clinics.AnyAsync(c => c.Id == clinicId, ct))
        {
            errors.Add(new FieldError("clinicId", FieldErrors.UnknownClinic));
        }

        await CheckNewIdAsync(body.Id, () => db.Grids.AnyAsync(g => g.Id == body.Id, ct), errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(FieldProblem.From(errors));
        }

        var grid = new Grid { Id = body.Id!, ClinicId = clinicId, Name = name! };
        db.Grids.Add(grid);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.grid.created", "grid", grid.Id, clinicId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/grids/{grid.Id}", new AdminGrid(grid.Id, grid.ClinicId, grid.Name));
    }

    /// <summary>Adds an error for an invalid id, or for a taken one (<paramref name="taken"/> runs only for a valid id).</summary>
    internal static async Task CheckNewIdAsync(string? id, Func<Task<bool>> taken, List<FieldError> errors)
    {
        if (!Topics.IsValidId(id))
        {
            errors.Add(new FieldError("id", FieldErrors.InvalidId));
        }
        else if (await taken())
        {
            errors.Add(new FieldError("id", FieldErrors.Exists));
        }
    }

    internal static string? Name(string? value, List<FieldError> errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FieldError("name", FieldErrors.Required));
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new FieldError("name", name.Length > MaxNameLength ? FieldErrors.TooLong : FieldErrors.InvalidCharacters));
        }

        return name;
    }
}
