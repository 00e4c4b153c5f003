using System.Security.Claims;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Dashboard.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Api;

/// <summary><c>GET /api/clinic?clinic=…</c>: which clinic, its time zone and today's bounds, so every page formats times alike.</summary>
internal static class ClinicApi
{
    public static RouteGroupBuilder MapClinicApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clinic").WithTags("Clinic");
        group.MapGet("/", Current);
        return group;
    }

    public static ClinicDay Today(string clinicId, ClinicClock clock)
    {
        var today = clock.LastDays(1);
        return new ClinicDay(clinicId, clock.TimeZoneId, today.FirstDay, today.Start, today.End, clock.Now);
    }

    private static Results<Ok<ClinicDay>, ValidationProblem, ForbidHttpResult> Current(
        string? clinic, ClaimsPrincipal user, ClinicClock clock, IOptions<DashboardOptions> options)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var clinicId = ClinicQuery.Resolve(clinic, scope, options.Value, errors);
        if (clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return scope.CanSeeClinicInfo(clinicId) ? TypedResults.Ok(Today(clinicId, clock)) : TypedResults.Forbid();
    }
}
