using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/webhooks?clinic=…</c>: the clinic's robot webhooks with their delivery counts and recent final
/// failures, from the registry's delivery log (issue 6: "a failed delivery is shown, never silent"). Clinic-wide, so
/// doctors and admins of the clinic, county admins everywhere. The robot URL's key stays on the server: only its host
/// is shown.
/// </summary>
internal static class WebhooksApi
{
    private const int RecentFailures = 20;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Results<Ok<WebhookLog[]>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? clinic, ClaimsPrincipal user, RegistryDatabase registry, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clinic"] = ["clinic must match [a-z0-9-]{1,64}."] });
        }

        var scope = AccessScope.From(user);
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.DefaultClinicId : clinic;
        if (clinicId is null || !scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        await registry.EnsureMigratedAsync(ct);
        await using var db = registry.CreateContext();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ClinicId == clinicId).OrderBy(s => s.Id).ToListAsync(ct);
        var logs = new List<WebhookLog>(subscriptions.Count);
        foreach (var s in subscriptions)
        {
            var finals = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == s.Id && d.Final);
            var failures = await finals.Where(d => !d.Succeeded).OrderByDescending(d => d.Id).Take(RecentFailures).ToListAsync(ct);
            logs.Add(new WebhookLog(
                s.Id,
                s.Name,
                s.GridId,
                s.Format,
                s.Enabled,
                TargetHost(s.Url),
                await finals.CountAsync(d => d.Succeeded, ct),
                await finals.CountAsync(d => !d.Succeeded, ct),
                await db.WebhookDeliveries.Where(d => d.SubscriptionId == s.Id).OrderByDescending(d => d.Id).Select(d => (DateTimeOffset?)d.At).FirstOrDefaultAsync(ct),
                [.. failures.Select(d => new WebhookFailure(d.AlertId, d.Event, d.Attempt, d.At, d.StatusCode, d.Error))]));
        }

        return TypedResults.Ok(logs.ToArray());
    }

    /// <summary>WeCom and DingTalk robot URLs carry the robot's secret key in the query: never send it to a browser.</summary>
    private static string TargetHost(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "?";
}
