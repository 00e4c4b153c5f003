using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Closes a task by hand, once: the state changes only if it is still open (a conditional UPDATE, so two phones
/// closing the same task at once cannot both succeed), and the audit row commits in the same transaction.
/// The task's alert stays as it is: the engine resolves a "not measured" alert when a reading arrives and raises a
/// new one (with a new task) only after a new silence, so a closed task does not come back before then.
/// </summary>
internal static class TaskClosing
{
    public const string AuditAction = "task.closed";

    /// <summary>The closed task, or null when it was no longer open.</summary>
    public static async Task<CareTask?> CloseAsync(
        RegistryDbContext db, CareTask task, string userId, string outcome, string? note, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Tasks
            .Where(t => t.Id == task.Id && t.State == CareTaskStates.Open)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.State, CareTaskStates.Done)
                    .SetProperty(t => t.ClosedAt, now)
                    .SetProperty(t => t.ClosedBy, userId)
                    .SetProperty(t => t.Outcome, outcome)
                    .SetProperty(t => t.Note, note),
                ct);
        if (changed == 0)
        {
            return null;
        }

        // Ids and the outcome only: the note may name people, and the audit log holds no personal data (AuditEntry).
        db.Audit.Add(new AuditEntry
        {
            At = now,
            Actor = userId,
            Action = AuditAction,
            EntityType = "task",
            EntityId = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ClinicId = task.ClinicId,
            Detail = $"outcome={outcome} alert={task.AlertId}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CareTask
        {
            Id = task.Id, AlertId = task.AlertId, ClinicId = task.ClinicId, PatientId = task.PatientId, GridId = task.GridId,
            AssigneeRole = task.AssigneeRole, AssigneeUserId = task.AssigneeUserId, Kind = task.Kind, CreatedAt = task.CreatedAt,
            State = CareTaskStates.Done, ClosedAt = now, ClosedBy = userId, Outcome = outcome, Note = note,
        };
    }
}
