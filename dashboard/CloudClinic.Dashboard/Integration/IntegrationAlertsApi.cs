using System.Security.Claims;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Api;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// <c>GET /api/v1/alerts?clinic=…</c>: the clinic's alerts not yet resolved; with <c>from</c> (and <c>to</c>, default
/// now): every alert raised in [from, to), whatever its state. Oldest first by raisedAt.
/// </summary>
internal static class IntegrationAlertsApi
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 2000;

    public static void MapIntegrationAlertsApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/alerts", ListAsync)
            .WithName("listAlerts")
            .WithSummary("Open alerts of a clinic, or every alert raised in a time window")
            .WithDescription("Without `from`: alerts not yet resolved. With `from` (and `to`, default now; RFC 3339, at most 366 days): alerts raised in [from, to) in any state. Page on with `from` = the last `raisedAt` when `truncated`.")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<IntegrationAlertPage>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? clinic,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? limit,
        ClaimsPrincipal user,
        RegistryDatabase database,
        TimeProvider time,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var allowed = IntegrationQuery.TryResolveClinic(clinic, scope, errors, out var clinicId);
        IntegrationQuery.CheckLimit(limit, MaxLimit, errors);
        var end = to ?? time.GetUtcNow();
        if (from is { } start)
        {
            IntegrationQuery.CheckWindow(start, end, errors);
        }
        else if (to is not null)
        {
            errors["to"] = ["to needs from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var take = limit ?? DefaultLimit;
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query = db.Alerts.AsNoTracking();
        query = from is { } windowStart
            ? query.Where(a => a.RaisedAt >= windowStart && a.RaisedAt < end)
            : query.Where(a => a.State != AlertStates.Resolved);
        query = clinicId is null ? query : query.Where(a => a.ClinicId == clinicId);
        query = scope.Role == UserRoles.GridWorker ? query.Where(a => a.GridId == scope.GridId) : query;
        var rows = await query.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(take + 1).ToListAsync(ct);

        var alerts = rows.Take(take).Where(a => scope.CanSeePatient(a.ClinicId, a.GridId)).Select(ToIntegration).ToArray();
        return TypedResults.Ok(new IntegrationAlertPage(alerts, rows.Count > take));
    }

    private static IntegrationAlert ToIntegration(Alert a) => new(
        a.Id, a.Rule, a.Severity, a.State, a.ClinicId, a.PatientId, a.GridId, a.GatewayId, a.Station,
        JsonSerializer.Deserialize(a.ValuesJson, DashboardJsonContext.Default.DictionaryStringDouble) ?? [],
        JsonSerializer.Deserialize(a.ReadingIdsJson, IntegrationJsonContext.Default.StringArray) ?? [],
        a.RaisedAt, a.UpdatedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.ResolvedAt, a.ResolvedBy, a.EscalationLevel);
}
