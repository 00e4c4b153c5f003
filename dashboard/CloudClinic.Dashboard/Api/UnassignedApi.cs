using System.Security.Claims;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Dashboard.Time;
using CloudClinic.Registry;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Readings measured outside any check-in session (DESIGN.md §3: "kept, shown for assignment"), for the clinic's
/// doctors and admins and the county admin — clinic-wide data, so not for grid workers:
/// <list type="bullet">
/// <item><c>GET /api/unassigned?clinic=…&amp;days=1..90</c>: the list, newest first, at most <see cref="MaxReadings"/>.</item>
/// <item><c>GET /api/unassigned/patients?clinic=…&amp;q=…</c>: the picker — the clinic's patients whose id or masked
/// name contains <c>q</c>, at most <see cref="MaxChoices"/>.</item>
/// <item><c>POST /api/unassigned/assign</c>: see <see cref="UnassignedAssignment"/>.</item>
/// </list>
/// </summary>
internal static class UnassignedApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;
    public const int MaxReadings = 500;
    public const int MaxChoices = 20;
    private const int MaxSearchLength = 64;

    public static RouteGroupBuilder MapUnassignedApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/unassigned").WithTags("Unassigned readings");
        group.MapGet("/", ListAsync);
        group.MapGet("/patients", PatientsAsync);
        group.MapPost("/assign", UnassignedAssignment.AssignAsync).AddEndpointFilter<AntiforgeryFilter>();
        return group;
    }

    private static async Task<Results<Ok<UnassignedReadings>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? clinic,
        int? days,
        ClaimsPrincipal user,
        IReadingStore store,
        ReadingAssessor assessor,
        ClinicClock clock,
        IOptions<DashboardOptions> options,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var clinicId = ClinicQuery.Resolve(clinic, scope, options.Value, errors);
        if (days is < 1 or > MaxDays)
        {
            errors["days"] = [$"days must be between 1 and {MaxDays}."];
        }

        if (errors.Count > 0 || clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        // One more than shown tells whether the window held more.
        var window = days ?? DefaultDays;
        var range = clock.LastDays(window);
        var found = await store.UnassignedAsync(clinicId, range.Start, range.End, MaxReadings + 1, ct);
        return TypedResults.Ok(new UnassignedReadings(
            clinicId,
            clock.TimeZoneId,
            window,
            range.Start,
            range.End,
            found.Count > MaxReadings,
            await assessor.ScoreAsync(found.Take(MaxReadings), ct)));
    }

    private static async Task<Results<Ok<PatientChoice[]>, ValidationProblem, ForbidHttpResult>> PatientsAsync(
        string? clinic,
        string? q,
        ClaimsPrincipal user,
        RegistryDatabase database,
        IOptions<DashboardOptions> options,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var clinicId = ClinicQuery.Resolve(clinic, scope, options.Value, errors);
        var search = q?.Trim() ?? "";
        if (search.Length > MaxSearchLength)
        {
            errors["q"] = [$"q must be at most {MaxSearchLength} characters."];
        }

        if (errors.Count > 0 || clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query = db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId);
        if (search.Length > 0)
        {
            query = query.Where(p => p.Id.Contains(search) || p.MaskedName.Contains(search));
        }

        var choices = await query
            .OrderBy(p => p.Id)
            .Take(MaxChoices)
            .Select(p => new PatientChoice(p.Id, p.MaskedName))
            .ToArrayAsync(ct);
        return TypedResults.Ok(choices);
    }
}
