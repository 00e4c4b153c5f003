using CloudClinic.Contracts;
using CloudClinic.Dashboard.Relay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Api;

/// <summary><c>GET /api/alerts/recent?clinic=…&amp;limit=…</c>: the latest event of each alert relayed by this instance, newest first.</summary>
internal static class AlertsApi
{
    public const int DefaultLimit = 50;

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/recent", Recent);
        return group;
    }

    private static Results<Ok<AlertEventMessage[]>, ValidationProblem> Recent(string? clinic, int? limit, RecentAlertsBoard board)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic))
        {
            errors["clinic"] = ["clinic must match [a-z0-9-]{1,64}."];
        }

        if (limit is < 1 or > RecentAlertsBoard.Capacity)
        {
            errors["limit"] = [$"limit must be between 1 and {RecentAlertsBoard.Capacity}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(board.ForClinic(string.IsNullOrEmpty(clinic) ? null : clinic, limit ?? DefaultLimit));
    }
}
