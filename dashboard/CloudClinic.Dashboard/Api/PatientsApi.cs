using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Time;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/patients/{id}/targets</c>: the targets the dashboard judges the patient by (one source,
/// <see cref="ICareTargetSource"/>). <c>GET /api/patients/{id}/history?days=7|30|90</c>: the patient page's data.
/// <c>/api/patients/{id}/care-plan</c>: <see cref="PatientCarePlanApi"/>.
/// All only for registered patients the user may see (404 unknown, 403 outside the user's clinic or grid).
/// </summary>
internal static class PatientsApi
{
    /// <summary>The windows the page offers (DESIGN.md §7).</summary>
    public static readonly IReadOnlyList<int> Windows = [7, 30, 90];

    private const int MaxPatientIdLength = 128;

    public static RouteGroupBuilder MapPatientsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/patients").WithTags("Patients");
        group.MapGet("/{id}/targets", TargetsAsync);
        group.MapGet("/{id}/history", HistoryAsync);
        group.MapPatientCarePlanApi();
        return group;
    }

    private static async Task<Results<Ok<CareTargets>, ValidationProblem, NotFound, ForbidHttpResult>> TargetsAsync(
        string id, ClaimsPrincipal user, PatientPlaces places, ICareTargetSource targets, CancellationToken ct)
    {
        if (IdError(id) is { } error)
        {
            return error;
        }

        return await AccessAsync(id, user, places, ct) switch
        {
            Access.Unknown => TypedResults.NotFound(),
            Access.Denied => TypedResults.Forbid(),
            _ => TypedResults.Ok(await targets.ForPatientAsync(id, ct)),
        };
    }

    private static async Task<Results<Ok<PatientHistory>, ValidationProblem, NotFound, ForbidHttpResult>> HistoryAsync(
        string id,
        int? days,
        ClaimsPrincipal user,
        PatientPlaces places,
        IReadingStore store,
        ICareTargetSource targetSource,
        ReadingAssessor assessor,
        ClinicClock clock,
        CancellationToken ct)
    {
        if (IdError(id) is { } error)
        {
            return error;
        }

        switch (await AccessAsync(id, user, places, ct))
        {
            case Access.Unknown:
                return TypedResults.NotFound();
            case Access.Denied:
                return TypedResults.Forbid();
        }

        var window = days ?? Windows[0];
        if (!Windows.Contains(window))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["days must be 7, 30 or 90."] });
        }

        var range = clock.LastDays(window);
        var targets = await targetSource.ForPatientAsync(id, ct);
        var readings = await store.ForPatientAsync(id, range.Start, range.End, ct);
        var bloodPressure = await store.DailyBloodPressureAsync(id, range, ct);
        var glucose = await store.DailyGlucoseAsync(id, range, ct);
        var lastBloodPressure = await LastAsync(readings, ReadingKinds.BloodPressure, id, store, clock, ct);
        var lastGlucose = await LastAsync(readings, ReadingKinds.Glucose, id, store, clock, ct);

        return TypedResults.Ok(new PatientHistory(
            id,
            clock.TimeZoneId,
            window,
            range.FirstDay,
            range.LastDay,
            range.Start,
            range.End,
            targets,
            ControlRates.From(bloodPressure, glucose, targets),
            lastBloodPressure is null ? null : new ScoredReading(lastBloodPressure, await assessor.SeverityAsync(lastBloodPressure, ct)),
            lastGlucose is null ? null : new ScoredReading(lastGlucose, await assessor.SeverityAsync(lastGlucose, ct)),
            await assessor.ScoreAsync(readings, ct)));
    }

    /// <summary>The newest reading of a kind: from the window, else from the longest range the store answers.</summary>
    private static async Task<ReadingMessage?> LastAsync(
        IReadOnlyList<ReadingMessage> window, string kind, string patientId, IReadingStore store, ClinicClock clock, CancellationToken ct)
    {
        var inWindow = window.LastOrDefault(r => r.Kind == kind);
        if (inWindow is not null)
        {
            return inWindow;
        }

        var longest = clock.LastDays(LocalDayRange.MaxDays);
        var older = await store.ForPatientAsync(patientId, longest.Start, longest.End, ct);
        return older.LastOrDefault(r => r.Kind == kind);
    }

    private enum Access
    {
        Allowed,
        Denied,
        Unknown,
    }

    private static async Task<Access> AccessAsync(string id, ClaimsPrincipal user, PatientPlaces places, CancellationToken ct) =>
        await places.FindAsync(id, ct) switch
        {
            null => Access.Unknown,
            var place when AccessScope.From(user).CanSeePatient(place.ClinicId, place.GridId) => Access.Allowed,
            _ => Access.Denied,
        };

    private static ValidationProblem? IdError(string id) =>
        id.Length is 0 or > MaxPatientIdLength || id.Any(char.IsControl)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"patient id must be 1 to {MaxPatientIdLength} printable characters."] })
            : null;
}
