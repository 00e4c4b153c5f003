using System.Security.Claims;
using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The alert inbox over the registry (DESIGN.md §6):
/// <list type="bullet">
/// <item><c>GET /api/alerts/open?clinic=…</c>: alerts not yet resolved, most severe first, oldest first within a severity.</item>
/// <item><c>GET /api/alerts/history?clinic=…&amp;days=7</c>: alerts resolved in the last 1–90 days, newest first, with who
/// acknowledged and resolved them and their notes (the inbox's history).</item>
/// <item><c>POST /api/alerts/{id}/acknowledge|resolve|snooze</c> with <see cref="AlertAction"/>: through
/// <see cref="AlertEngine"/>, so the change is audited and its event goes out on the alerts topic (outbox).</item>
/// </list>
/// </summary>
internal static class AlertInboxApi
{
    public const int MaxOpen = 500;

    private static readonly string[] SeverityOrder =
        [AlertSeverities.Critical, AlertSeverities.Urgent, AlertSeverities.Warning, AlertSeverities.Task, AlertSeverities.Ops];

    public static void MapAlertInboxApi(this RouteGroupBuilder alerts)
    {
        alerts.MapGet("/open", OpenAsync);
        alerts.MapGet("/history", HistoryAsync);
        var actions = alerts.MapGroup("/{id}").AddEndpointFilter<AntiforgeryFilter>();
        actions.MapPost("/acknowledge", (string id, AlertAction body, ClaimsPrincipal user, RegistryDatabase db, AlertEngine engine, CancellationToken ct) =>
            ActAsync(id, body, user, db, (alert, by) => engine.AcknowledgeAsync(alert.Id, by, body.Note, ct), nullIsConflict: true, ct));
        actions.MapPost("/resolve", (string id, AlertAction body, ClaimsPrincipal user, RegistryDatabase db, AlertEngine engine, CancellationToken ct) =>
            ActAsync(id, body, user, db, (alert, by) => engine.ResolveAsync(alert.Id, by, body.Note, ct), nullIsConflict: true, ct));
        actions.MapPost("/snooze", SnoozeAsync);
    }

    private static async Task<Results<Ok<InboxAlert[]>, ValidationProblem, ForbidHttpResult>> OpenAsync(
        string? clinic, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        if (BadClinic(clinic) is { } bad)
        {
            return bad;
        }

        var scope = AccessScope.From(user);
        if (!TryClinic(clinic, scope, out var clinicId))
        {
            return TypedResults.Forbid();
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query = Visible(db.Alerts.AsNoTracking().Where(a => a.State != AlertStates.Resolved), clinicId, scope);
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt)
            .Take(MaxOpen)
            .Select(a => new { Alert = a, Name = db.Patients.Where(p => p.Id == a.PatientId).Select(p => p.MaskedName).FirstOrDefault() })
            .ToListAsync(ct);
        var patients = rows.Select(r => r.Alert.PatientId).OfType<string>().Distinct().ToList();
        var now = time.GetUtcNow();
        var snoozes = (await db.Snoozes.AsNoTracking().Where(s => patients.Contains(s.PatientId)).ToListAsync(ct))
            .Where(s => s.Until > now)
            .ToDictionary(s => (s.PatientId, s.Rule), s => s.Until);

        var inbox = rows
            .Where(r => scope.CanSeePatient(r.Alert.ClinicId, r.Alert.GridId))
            .Select(r => ToInbox(r.Alert, r.Name, r.Alert.PatientId is { } p && snoozes.TryGetValue((p, r.Alert.Rule), out var until) ? until : null, scope))
            .OrderBy(a => Rank(a.Severity))
            .ThenBy(a => a.RaisedAt)
            .ToArray();
        return TypedResults.Ok(inbox);
    }

    private static async Task<Results<Ok<InboxAlert[]>, ValidationProblem, ForbidHttpResult>> HistoryAsync(
        string? clinic, int? days, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        if (BadClinic(clinic) is { } bad)
        {
            return bad;
        }

        if (days is { } d && d is < 1 or > 90)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["days must be between 1 and 90."] });
        }

        var scope = AccessScope.From(user);
        if (!TryClinic(clinic, scope, out var clinicId))
        {
            return TypedResults.Forbid();
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var since = time.GetUtcNow() - TimeSpan.FromDays(days ?? 7);
        var query = Visible(db.Alerts.AsNoTracking().Where(a => a.State == AlertStates.Resolved && a.ResolvedAt >= since), clinicId, scope);
        var rows = await query
            .OrderByDescending(a => a.ResolvedAt)
            .Take(MaxOpen)
            .Select(a => new { Alert = a, Name = db.Patients.Where(p => p.Id == a.PatientId).Select(p => p.MaskedName).FirstOrDefault() })
            .ToListAsync(ct);
        return TypedResults.Ok(rows
            .Where(r => scope.CanSeePatient(r.Alert.ClinicId, r.Alert.GridId))
            .Select(r => ToInbox(r.Alert, r.Name, null, scope) with { CanAct = false })
            .ToArray());
    }

    private static async Task<Results<Ok<AlertEventMessage>, NoContent, ValidationProblem, NotFound, ForbidHttpResult, Conflict>> SnoozeAsync(
        string id, AlertAction body, ClaimsPrincipal user, RegistryDatabase db, AlertEngine engine, CancellationToken ct)
    {
        if (body.SnoozeMinutes is not (>= 1 and <= 7 * 24 * 60))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["snoozeMinutes"] = ["snoozeMinutes must be between 1 and 10080 (7 days)."] });
        }

        // A snooze is per (patient, rule): an unassigned reading's or a gateway's alert has none, so it cannot be snoozed.
        // For a patient the engine returns the snoozed event when the rule's alert is still open, null otherwise
        // (the snooze holds all the same: 204).
        // (ActAsync answers 409 for an alert without a patient before calling this.)
        return await ActAsync(id, body, user, db, (alert, by) =>
            engine.SnoozeAsync(alert.PatientId!, alert.Rule, TimeSpan.FromMinutes(body.SnoozeMinutes.Value), by, body.Note, ct), nullIsConflict: false, ct);
    }

    private static async Task<Results<Ok<AlertEventMessage>, NoContent, ValidationProblem, NotFound, ForbidHttpResult, Conflict>> ActAsync(
        string id,
        AlertAction body,
        ClaimsPrincipal user,
        RegistryDatabase database,
        Func<Alert, string, Task<AlertEventMessage?>> act,
        bool nullIsConflict,
        CancellationToken ct)
    {
        if (body.Note is { Length: > AlertAction.MaxNoteLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"note must be at most {AlertAction.MaxNoteLength} characters."] });
        }

        await database.EnsureMigratedAsync(ct);
        Alert? alert;
        await using (var db = database.CreateContext())
        {
            alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        }

        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        var scope = AccessScope.From(user);
        if (!scope.CanActOnAlert(alert.ClinicId, alert.GridId))
        {
            return TypedResults.Forbid();
        }

        if (!nullIsConflict && alert.PatientId is null)
        {
            return TypedResults.Conflict();
        }

        // Null from acknowledge/resolve: the alert is no longer in a state that allows it (acknowledged twice, resolved …).
        var changed = await act(alert, scope.UserId);
        return changed is not null ? TypedResults.Ok(changed) : nullIsConflict ? TypedResults.Conflict() : TypedResults.NoContent();
    }

    private static InboxAlert ToInbox(Alert a, string? name, DateTimeOffset? snoozedUntil, AccessScope scope) => new(
        a.Id, a.Rule, a.Severity, a.State, a.ClinicId, a.PatientId, name, a.GridId, a.GatewayId, a.Station,
        JsonSerializer.Deserialize(a.ValuesJson, DashboardJsonContext.Default.DictionaryStringDouble) ?? [],
        a.RaisedAt, a.UpdatedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgeNote, snoozedUntil,
        scope.CanActOnAlert(a.ClinicId, a.GridId), a.ResolvedAt, a.ResolvedBy, a.ResolveNote);

    private static ValidationProblem? BadClinic(string? clinic) =>
        !string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clinic"] = ["clinic must match [a-z0-9-]{1,64}."] })
            : null;

    /// <summary>The clinic meant (the user's own when none is named; null = every clinic, county admins only), if allowed.</summary>
    private static bool TryClinic(string? clinic, AccessScope scope, out string? clinicId)
    {
        clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        return clinicId is null ? scope.IsCountyAdmin : scope.CanSeeClinicInfo(clinicId);
    }

    /// <summary>Narrowed in SQL to the clinic and a grid worker's grid; rows are still checked with CanSeePatient.</summary>
    private static IQueryable<Alert> Visible(IQueryable<Alert> alerts, string? clinicId, AccessScope scope)
    {
        alerts = clinicId is null ? alerts : alerts.Where(a => a.ClinicId == clinicId);
        return scope.Role == UserRoles.GridWorker ? alerts.Where(a => a.GridId == scope.GridId) : alerts;
    }

    private static int Rank(string severity)
    {
        var index = Array.IndexOf(SeverityOrder, severity);
        return index < 0 ? SeverityOrder.Length : index;
    }
}
