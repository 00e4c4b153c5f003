using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Dashboard.Time;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Readings from the reading store, so a page shows what was measured before it connected to the hub:
/// <list type="bullet">
/// <item><c>GET /api/readings/latest?clinic=…&amp;limit=…</c>: the clinic's newest wire readings, newest first.</item>
/// <item><c>GET /api/readings/today?clinic=…</c>: the wall's list with colours. The page calls it on every hub
/// (re)connect and merges by readingId. It is the whole day rather than "since a cursor" on purpose: a gateway
/// replaying its backlog stores readings with an earlier <c>measuredAt</c> while the browser was away, and any
/// measuredAt cursor would skip them.</item>
/// </list>
/// </summary>
internal static class ReadingsApi
{
    public const int DefaultLimit = 100;

    public static RouteGroupBuilder MapReadingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/readings").WithTags("Readings");
        group.MapGet("/latest", LatestAsync);
        group.MapGet("/today", TodayAsync);
        return group;
    }

    private static async Task<Results<Ok<ReadingMessage[]>, ValidationProblem, ForbidHttpResult>> LatestAsync(
        string? clinic,
        int? limit,
        ClaimsPrincipal user,
        IReadingStore store,
        IOptions<DashboardOptions> options,
        CancellationToken ct)
    {
        var max = options.Value.MaxLatestReadings;
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var clinicId = ClinicQuery.Resolve(clinic, scope, options.Value, errors);
        if (limit is < 1 || limit > max)
        {
            errors["limit"] = [$"limit must be between 1 and {max}."];
        }

        if (errors.Count > 0 || clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        var readings = await store.LatestAsync(clinicId, limit ?? Math.Min(DefaultLimit, max), ct);
        return TypedResults.Ok(readings.ToArray());
    }

    private static async Task<Results<Ok<TodayReadings>, ValidationProblem, ForbidHttpResult>> TodayAsync(
        string? clinic,
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
        if (clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        var day = ClinicApi.Today(clinicId, clock);
        var max = options.Value.MaxLatestReadings;

        // Newest first by measuredAt: readings stamped after today (a meter clock ahead) are skipped. One more than
        // the limit tells whether the day was cut: the store had more and the oldest fetched is still today.
        var newest = await store.LatestAsync(clinicId, max + 1, ct);
        var today = newest.Where(r => r.MeasuredAt >= day.Start && r.MeasuredAt < day.End).ToList();
        var truncated = newest.Count > max && newest[^1].MeasuredAt >= day.Start;
        return TypedResults.Ok(new TodayReadings(day, truncated, await assessor.ScoreAsync(today.Take(max), ct)));
    }
}
