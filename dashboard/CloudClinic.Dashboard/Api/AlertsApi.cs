using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Relay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/alerts/recent?clinic=…&amp;limit=…</c>: the latest event of each alert relayed by this instance, newest
/// first, only those the user may see (a grid worker: their grid's). The inbox's registry-backed calls are in
/// <see cref="AlertInboxApi"/>.
/// </summary>
internal static class AlertsApi
{
    public const int DefaultLimit = 50;

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/recent", Recent);
        group.MapAlertInboxApi();
        return group;
    }

    private static Results<Ok<AlertEventMessage[]>, ValidationProblem, ForbidHttpResult> Recent(
        string? clinic, int? limit, ClaimsPrincipal user, RecentAlertsBoard board)
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

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = AccessScope.From(user);
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        if (clinicId is null ? !scope.IsCountyAdmin : !scope.CanSeeClinicInfo(clinicId))
        {
            return TypedResults.Forbid();
        }

        // Filtered before the limit, so a grid worker still gets up to `limit` of their own.
        var visible = board.ForClinic(clinicId, RecentAlertsBoard.Capacity)
            .Where(a => scope.CanSeePatient(a.ClinicId, a.GridId))
            .Take(limit ?? DefaultLimit);
        return TypedResults.Ok(visible.ToArray());
    }
}
