using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.LocalPage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// The kiosk part of the gateway's local page (DESIGN.md §5, check-in path a): search the cached roster, check a
/// patient in at a station, see and end open sessions. Works while the cloud is unreachable. The POSTs accept only
/// <c>application/json</c>, which a page on another origin cannot send without a CORS preflight this server never
/// grants — so a link or form elsewhere on the clinic LAN cannot check someone in.
/// </summary>
internal sealed class CheckInFeature(CheckInService checkIn, RosterCache roster, IOptions<EdgeOptions> edge) : ILocalPageFeature
{
    private const int SearchLimit = 20;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/check-in/state.json", () => TypedResults.Json(State(), CheckInJsonContext.Default.KioskState));
        endpoints.MapGet("/check-in/patients.json", (string? q) =>
        {
            var found = string.IsNullOrWhiteSpace(q) ? [] : roster.Search(q, SearchLimit).Select(e => new KioskPatient(e.PatientId, e.DisplayName)).ToList();
            return TypedResults.Json<IReadOnlyList<KioskPatient>>(found, CheckInJsonContext.Default.IReadOnlyListKioskPatient);
        });
        endpoints.MapPost("/check-in", async (HttpRequest http) =>
        {
            if (await ReadAsync(http, CheckInJsonContext.Default.KioskCheckInRequest) is not { } request)
            {
                return BadBody();
            }

            var outcome = checkIn.CheckInPatient(request.Station, request.PatientId, CheckInSource.Kiosk);
            var result = new KioskCheckInResult(outcome.Session is { } s ? View(s) : null, outcome.Refusal);
            return Results.Json(result, CheckInJsonContext.Default.KioskCheckInResult, statusCode: outcome.Session is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        });
        endpoints.MapPost("/check-out", async (HttpRequest http) =>
            await ReadAsync(http, CheckInJsonContext.Default.KioskCheckOutRequest) is not { } request ? BadBody()
            : checkIn.CheckOut(request.Station) ? Results.NoContent()
            : Results.NotFound());
    }

    /// <summary>The JSON body, or null when it is not JSON (content type included) or lacks a field.</summary>
    private static async Task<T?> ReadAsync<T>(HttpRequest http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (!http.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await http.ReadFromJsonAsync(type);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult BadBody() =>
        Results.Problem("expected a JSON body (Content-Type: application/json) with station (and patientId)", statusCode: StatusCodes.Status400BadRequest);

    private KioskState State() => new(
        [.. edge.Value.Stations.Select(s => s.Name)],
        [.. checkIn.OpenSessions().Select(View)],
        roster.Count,
        checkIn.UnknownCards);

    private static KioskSession View(CheckInSession s) => new(s.Station, s.PatientId, s.DisplayName, s.Source.ToString(), s.OpenedAt, s.ExpiresAt);
}
