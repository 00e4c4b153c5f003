using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Registry.Webhooks;

/// <summary>
/// Reads the webhook delivery log (<c>webhook_deliveries</c>) for the dashboard: every attempt with its status code or
/// error, so a webhook that failed is visible rather than silent (issue 6, item 5).
/// </summary>
public sealed class WebhookDeliveryLog(RegistryDatabase database)
{
    public const int MaxLimit = 1000;

    /// <summary>The clinic's newest attempts first (its own and its grids' webhooks).</summary>
    public Task<IReadOnlyList<WebhookDeliveryRecord>> RecentAsync(string clinicId, int limit, CancellationToken ct) =>
        QueryAsync(clinicId, limit, failedOnly: false, ct);

    /// <summary>The clinic's deliveries that ran out of attempts, newest first.</summary>
    public Task<IReadOnlyList<WebhookDeliveryRecord>> FailedAsync(string clinicId, int limit, CancellationToken ct) =>
        QueryAsync(clinicId, limit, failedOnly: true, ct);

    private async Task<IReadOnlyList<WebhookDeliveryRecord>> QueryAsync(string clinicId, int limit, bool failedOnly, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query =
            from d in db.WebhookDeliveries.AsNoTracking()
            join s in db.WebhookSubscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
            where s.ClinicId == clinicId && (!failedOnly || (d.Final && !d.Succeeded))
            orderby d.Id descending
            select new WebhookDeliveryRecord(d.Id, d.SubscriptionId, s.Name, d.AlertId, d.Event, d.Attempt, d.At, d.StatusCode, d.Error, d.Succeeded, d.Final);
        return await query.Take(limit).ToListAsync(ct);
    }
}
