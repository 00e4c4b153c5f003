using CloudClinic.Storage.DeadLetters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CloudClinic.Ingestion.Admin;

/// <summary>
/// The admin view of refused messages (DESIGN.md §3, "a dead-letter store that an admin can see"):
/// <c>GET {prefix}?limit=N</c> → <see cref="DeadLetterPage"/>. Maps no authorization itself: the host adds its own
/// admin policy to the returned group (the ingest host serves it on loopback only).
/// </summary>
public static class DeadLetterApi
{
    public const string DefaultPrefix = "/admin/dead-letters";
    public const int DefaultLimit = 20;

    /// <summary>Each item can carry up to <see cref="DeadLetter.MaxPayloadBytes"/> of payload: keep pages bounded.</summary>
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapDeadLetterApi(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Results<JsonHttpResult<DeadLetterPage>, ProblemHttpResult>> ListAsync(
        IDeadLetterStore store,
        int? limit,
        CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(
                $"limit must be between 1 and {MaxLimit} (got {take})",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var items = await store.ListAsync(take, ct);
        var total = await store.CountAsync(ct);
        return TypedResults.Json(new DeadLetterPage(total, [.. items.Select(DeadLetterView.From)]), AdminJsonContext.Default.DeadLetterPage);
    }
}
