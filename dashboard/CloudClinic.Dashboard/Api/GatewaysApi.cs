using CloudClinic.Contracts;
using CloudClinic.Dashboard.Relay;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.Api;

/// <summary><c>GET /api/gateways?clinic=…</c>: each gateway's last status seen by the live relay.</summary>
internal static class GatewaysApi
{
    public static RouteGroupBuilder MapGatewaysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gateways").WithTags("Gateways");
        group.MapGet("/", List);
        return group;
    }

    private static Results<Ok<GatewaySnapshot[]>, ValidationProblem> List(string? clinic, GatewayStatusBoard board)
    {
        if (!string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clinic"] = ["clinic must match [a-z0-9-]{1,64}."] });
        }

        return TypedResults.Ok(board.ForClinic(string.IsNullOrEmpty(clinic) ? null : clinic).ToArray());
    }
}
