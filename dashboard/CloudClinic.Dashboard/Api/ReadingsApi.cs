using CloudClinic.Contracts;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/readings/latest?clinic=…&amp;limit=…</c>: a clinic's newest readings from the reading store, newest first,
/// so a page opened mid-day shows what was measured before it connected to the hub.
/// </summary>
internal static class ReadingsApi
{
    public const int DefaultLimit = 100;

    public static RouteGroupBuilder MapReadingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/readings").WithTags("Readings");
        group.MapGet("/latest", LatestAsync);
        return group;
    }

    private static async Task<Results<Ok<ReadingMessage[]>, ValidationProblem>> LatestAsync(
        string? clinic,
        int? limit,
        IReadingStore store,
        IOptions<DashboardOptions> options,
        CancellationToken ct)
    {
        var clinicId = string.IsNullOrEmpty(clinic) ? options.Value.DefaultClinicId : clinic;
        var max = options.Value.MaxLatestReadings;
        var errors = new Dictionary<string, string[]>();
        if (!Topics.IsValidId(clinicId))
        {
            errors["clinic"] = [clinicId is null
                ? "clinic is required (no Dashboard:DefaultClinicId is configured)."
                : "clinic must match [a-z0-9-]{1,64}."];
        }

        if (limit is < 1 || limit > max)
        {
            errors["limit"] = [$"limit must be between 1 and {max}."];
        }

        if (errors.Count > 0 || clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var readings = await store.LatestAsync(clinicId, limit ?? Math.Min(DefaultLimit, max), ct);
        return TypedResults.Ok(readings.ToArray());
    }
}
