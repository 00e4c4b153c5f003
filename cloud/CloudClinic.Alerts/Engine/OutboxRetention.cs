using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Deletes outbox entries that have done their work — published, every webhook finished — and are older than
/// <see cref="AlertOptions.OutboxRetention"/>. Without it the table grew by every alert event forever. The alert,
/// its audit trail and the webhook delivery log are other tables and stay; only the sent copy of the event goes.
/// </summary>
internal sealed class OutboxRetention(RegistryDatabase database, IOptions<AlertOptions> options, TimeProvider time)
{
    // Bounded deletes keep each commit short: the engine shares the registry's single writer.
    private const int DeletePage = 2000;

    /// <summary>Deletes what is due, page by page; returns how many entries were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - options.Value.OutboxRetention;
        var deleted = 0;
        while (true)
        {
            await using var db = database.CreateContext();
            var due = await db.AlertOutbox.AsNoTracking()
                .Where(e => e.PublishedAt != null && e.WebhooksDoneAt != null && e.CreatedAt < before)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(DeletePage)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return deleted;
            }

            deleted += await db.AlertOutbox.Where(e => due.Contains(e.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
