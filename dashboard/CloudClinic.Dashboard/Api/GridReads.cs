using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>The registry reads behind <see cref="GridApi"/>: which grids a user may open, and one grid's alerts and tasks.</summary>
internal static class GridReads
{
    /// <summary>Bounds one answer for a phone on a rural 4G link; a grid has a few hundred people at most.</summary>
    public const int MaxItems = 500;

    public const int MaxGrids = 1000;

    private static readonly string[] SeverityOrder = [AlertSeverities.Critical, AlertSeverities.Urgent, AlertSeverities.Warning];

    public static async Task<IReadOnlyList<GridChoice>> ChoicesAsync(RegistryDbContext db, AccessScope scope, CancellationToken ct)
    {
        var grids = db.Grids.AsNoTracking();
        grids = scope.Role switch
        {
            UserRoles.CountyAdmin => grids,
            UserRoles.Doctor or UserRoles.ClinicAdmin when scope.ClinicId is not null => grids.Where(g => g.ClinicId == scope.ClinicId),
            UserRoles.GridWorker when scope.GridId is not null => grids.Where(g => g.Id == scope.GridId && g.ClinicId == scope.ClinicId),
            _ => grids.Where(_ => false),
        };
        return await grids
            .OrderBy(g => g.ClinicId).ThenBy(g => g.Name).ThenBy(g => g.Id)
            .Take(MaxGrids)
            .Select(g => new GridChoice(g.Id, g.Name, g.ClinicId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Unresolved alerts about the grid's people, most severe first, oldest first within a severity. "Not measured"
    /// (severity task) is left out: its task stands for it, and a closed task must not reappear as an alert.
    /// </summary>
    public static async Task<IReadOnlyList<GridAlert>> AlertsAsync(RegistryDbContext db, GridChoice grid, AccessScope scope, CancellationToken ct)
    {
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => a.ClinicId == grid.ClinicId && a.GridId == grid.GridId && a.State != AlertStates.Resolved && SeverityOrder.Contains(a.Severity))
            .OrderByDescending(a => a.UpdatedAt)
            .Take(MaxItems)
            .Select(a => new { Alert = a, Name = db.Patients.Where(p => p.Id == a.PatientId).Select(p => p.MaskedName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows
            .Select(r => ToGridAlert(r.Alert, r.Name, scope))
            .OrderBy(a => Array.IndexOf(SeverityOrder, a.Severity))
            .ThenBy(a => a.State == AlertStates.Open ? 0 : 1)
            .ThenBy(a => a.RaisedAt)
            .ToList();
    }

    /// <summary>Open grid-worker tasks of the grid, longest silent first (a doctor's follow-up task is the doctor's, not shown here).</summary>
    public static async Task<IReadOnlyList<GridTask>> TasksAsync(RegistryDbContext db, GridChoice grid, AccessScope scope, DateTimeOffset now, CancellationToken ct)
    {
        // A left join, not a projected subquery: SQLite has no APPLY/LATERAL for EF to translate one into.
        var open = db.Tasks.AsNoTracking()
            .Where(t => t.ClinicId == grid.ClinicId && t.GridId == grid.GridId && t.State == CareTaskStates.Open && t.AssigneeRole == UserRoles.GridWorker)
            .OrderBy(t => t.Id)
            .Take(MaxItems);
        var rows = await (
            from t in open
            join p in db.Patients on t.PatientId equals p.Id into patients
            from p in patients.DefaultIfEmpty()
            select new { Task = t, Name = p == null ? null : p.MaskedName, LastReadingAt = p == null ? null : p.LastReadingAt, RegisteredAt = p == null ? (DateTimeOffset?)null : p.RegisteredAt })
            .ToListAsync(ct);
        return rows
            .Select(r => ToGridTask(r.Task, r.Name, r.LastReadingAt, r.RegisteredAt ?? r.Task.CreatedAt, now, scope))
            .OrderByDescending(t => t.DaysNotMeasured)
            .ThenBy(t => t.CreatedAt)
            .ToList();
    }

    public static GridTask ToGridTask(CareTask t, string? name, DateTimeOffset? lastReadingAt, DateTimeOffset registeredAt, DateTimeOffset now, AccessScope scope) => new(
        t.Id, t.AlertId, t.Kind, t.State, t.PatientId, name, t.CreatedAt, lastReadingAt,
        DaysSince(lastReadingAt ?? registeredAt, now), t.ClosedAt, t.ClosedBy, t.Outcome, t.Note,
        t.State == CareTaskStates.Open && GridAccess.CanCloseTask(scope, t));

    /// <summary>Whole days, as the engine's "not measured for N days" counts them (never negative on a skewed clock).</summary>
    public static int DaysSince(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - since).TotalDays));

    private static GridAlert ToGridAlert(Alert a, string? name, AccessScope scope) => new(
        a.Id, a.Rule, a.Severity, a.State, a.PatientId, name,
        JsonSerializer.Deserialize(a.ValuesJson, DashboardJsonContext.Default.DictionaryStringDouble) ?? [],
        JsonSerializer.Deserialize(a.FlagsJson, DashboardJsonContext.Default.StringArray) ?? [],
        a.RaisedAt, a.UpdatedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgeNote,
        scope.CanActOnAlert(a.ClinicId, a.GridId));
}
