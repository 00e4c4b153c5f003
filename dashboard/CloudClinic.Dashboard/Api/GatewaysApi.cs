using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Relay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/gateways?clinic=…</c>: each gateway's last status seen by the live relay. Without a clinic: the
/// user's clinic, or every clinic for a county admin. Clinic staff only (a grid worker has no gateways).
/// </summary>
internal static class GatewaysApi
{
    public static RouteGroupBuilder MapGatewaysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gateways").WithTags("Gateways");
        group.MapGet("/", List);
        return group;
    }

    private static Results<Ok<GatewaySnapshot[]>, ValidationProblem, ForbidHttpResult> List(string? clinic, ClaimsPrincipal user, GatewayStatusBoard board)
    {
        if (!string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clinic"] = ["clinic must match [a-z0-9-]{1,64}."] });
        }

        var scope = AccessScope.From(user);
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        if (clinicId is null && scope.IsCountyAdmin)
        {
            return TypedResults.Ok(board.ForClinic(null).ToArray());
        }

        return clinicId is not null && scope.CanSeeClinicWide(clinicId)
            ? TypedResults.Ok(board.ForClinic(clinicId).ToArray())
            : TypedResults.Forbid();
    }
}
