using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// <c>GET /api/v1/patients/{id}/readings?from=…&amp;to=…</c>: a registered patient's readings (the wire contract's
/// reading objects, docs/wire-contract.md) with from ≤ measuredAt ≤ to, oldest first. Default window: the last 30 days.
/// </summary>
internal static class IntegrationReadingsApi
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    private const int MaxPatientIdLength = 128;

    public static void MapIntegrationReadingsApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/patients/{id}/readings", ReadingsAsync)
            .WithName("listPatientReadings")
            .WithSummary("A patient's readings in a time window")
            .WithDescription("`from`/`to` are RFC 3339 times (encode `+` as %2B); default the last 30 days, at most 366 days. 404 when no such patient is registered, 403 outside the caller's clinic.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<ReadingMessage[]>, ValidationProblem, NotFound, ForbidHttpResult>> ReadingsAsync(
        string id,
        DateTimeOffset? from,
        DateTimeOffset? to,
        ClaimsPrincipal user,
        PatientPlaces places,
        IReadingStore store,
        TimeProvider time,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (id.Length is 0 or > MaxPatientIdLength || id.Any(char.IsControl))
        {
            errors["id"] = [$"patient id must be 1 to {MaxPatientIdLength} printable characters."];
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultWindow;
        IntegrationQuery.CheckWindow(start, end, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var place = await places.FindAsync(id, ct);
        if (place is null)
        {
            return TypedResults.NotFound();
        }

        if (!AccessScope.From(user).CanSeePatient(place.ClinicId, place.GridId))
        {
            return TypedResults.Forbid();
        }

        var readings = await store.ForPatientAsync(id, start, end, ct);
        return TypedResults.Ok(readings.ToArray());
    }
}
