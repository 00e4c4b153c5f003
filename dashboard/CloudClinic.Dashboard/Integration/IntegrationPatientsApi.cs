using System.Security.Claims;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// <c>GET /api/v1/patients?clinic=…&amp;after=…&amp;limit=…</c>: the clinic's registered patients by id, a page at a
/// time (a grid worker's sign-in: their grid's only).
/// </summary>
internal static class IntegrationPatientsApi
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 2000;

    public static void MapIntegrationPatientsApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/patients", ListAsync)
            .WithName("listPatients")
            .WithSummary("Registered patients of a clinic, by pseudonymous id")
            .WithDescription("Masked names only; never a plaintext name, ID number or phone. Page with `after` = the previous page's `next`.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<IntegrationPatientPage>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? clinic, string? after, int? limit, ClaimsPrincipal user, RegistryDatabase database, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var allowed = IntegrationQuery.TryResolveClinic(clinic, scope, errors, out var clinicId);
        IntegrationQuery.CheckLimit(limit, MaxLimit, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var take = limit ?? DefaultLimit;
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query = db.Patients.AsNoTracking();
        query = clinicId is null ? query : query.Where(p => p.ClinicId == clinicId);
        query = scope.Role == UserRoles.GridWorker ? query.Where(p => p.GridId == scope.GridId) : query;
        query = string.IsNullOrEmpty(after) ? query : query.Where(p => string.Compare(p.Id, after) > 0);
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).Where(p => scope.CanSeePatient(p.ClinicId, p.GridId)).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var conditions = (await db.PatientConditions.AsNoTracking().Where(c => ids.Contains(c.PatientId)).ToListAsync(ct))
            .ToLookup(c => c.PatientId, c => c.Condition);

        var patients = page
            .Select(p => new IntegrationPatient(
                p.Id, p.ClinicId, p.GridId, p.MaskedName, conditions[p.Id].Order(StringComparer.Ordinal).ToArray(), p.LastReadingAt, p.LastBpAt))
            .ToArray();
        return TypedResults.Ok(new IntegrationPatientPage(patients, rows.Count > take ? rows[take - 1].Id : null));
    }
}
