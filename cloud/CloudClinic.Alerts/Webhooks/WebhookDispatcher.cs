using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Webhooks;

/// <summary>
/// Sends committed alert events (<c>alert_outbox</c> rows without <c>WebhooksDoneAt</c>) to the clinic's and grid's
/// robot webhooks. Apart from the MQTT dispatcher on purpose: a slow or dead webhook never delays the alerts topic.
/// Each subscription has its own lane (in commit order), so one dead webhook retrying does not hold up the others.
/// An entry is done once every matching webhook has a final row in the delivery log, succeeded or not.
/// Runs only in the process holding the engine lease: a robot gets each alert once, whichever hosts share the registry.
/// </summary>
internal sealed partial class WebhookDispatcher(
    RegistryDatabase database,
    EngineLeadership leadership,
    WebhookSender sender,
    AlertOutboxSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int PageSize = 100;

    // Bookkeeping, not delivery (each lane sends on its own): once a second is plenty, and a pass per alert commit
    // was a registry commit per urgent alert competing with the engine's.
    private readonly PeriodicGate _markDone = new(TimeSpan.FromSeconds(1), time);
    private readonly Dictionary<long, Task> _lanes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await leadership.WaitAsync(stoppingToken);
                try
                {
                    await database.EnsureMigratedAsync(stoppingToken);
                    foreach (var subscription in await SubscriptionsAsync(stoppingToken))
                    {
                        if (!_lanes.TryGetValue(subscription.Id, out var lane) || lane.IsCompleted)
                        {
                            _lanes[subscription.Id] = Task.Run(() => RunLaneAsync(subscription, stoppingToken), stoppingToken);
                        }
                    }

                    if (_markDone.TryPass())
                    {
                        await MarkDoneAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex);
                }

                await signal.WaitWebhooksAsync(options.Value.PollInterval, time, stoppingToken);
            }
        }
        finally
        {
            await Task.WhenAll(_lanes.Values).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One full pass, every lane to the end: what the hosted loop does over time, for tests and tools.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await Task.WhenAll((await SubscriptionsAsync(ct)).Select(s => DeliverAllAsync(s, ct)));
        await MarkDoneAsync(ct);
    }

    /// <summary>Whether an event rings a robot: new, escalated and resolved alerts; not while snoozed.</summary>
    public static bool Rings(AlertEventMessage alert) =>
        alert.Event is AlertEvents.Raised or AlertEvents.Escalated or AlertEvents.Resolved
        && !(alert.SnoozedUntil > alert.At);

    private static bool Matches(WebhookSubscription subscription, AlertOutboxEntry entry) =>
        subscription.ClinicId == entry.ClinicId && (subscription.GridId is null || subscription.GridId == entry.GridId);

    private async Task RunLaneAsync(WebhookSubscription subscription, CancellationToken ct)
    {
        try
        {
            await DeliverAllAsync(subscription, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLaneFailed(logger, subscription.Id, ex);
        }
    }

    private async Task DeliverAllAsync(WebhookSubscription subscription, CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            await using var db = database.CreateContext();
            var page = await db.AlertOutbox.AsNoTracking()
                .Where(e => e.WebhooksDoneAt == null && e.Id > after && e.ClinicId == subscription.ClinicId
                    && (subscription.GridId == null || e.GridId == subscription.GridId))
                .OrderBy(e => e.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                return;
            }

            var ids = page.Select(e => e.Id).ToList();
            var finished = (await db.WebhookDeliveries
                .Where(d => d.SubscriptionId == subscription.Id && d.Final && ids.Contains(d.OutboxEntryId))
                .Select(d => d.OutboxEntryId).ToListAsync(ct)).ToHashSet();
            foreach (var entry in page)
            {
                if (!leadership.IsLeader)
                {
                    return; // the lease lapsed: the next leader's lane carries on from the delivery log
                }

                after = entry.Id;
                var alert = Parse(entry);
                if (finished.Contains(entry.Id) || !Rings(alert))
                {
                    continue;
                }

                var context = await ContextAsync(db, alert, ct);
                await sender.DeliverAsync(subscription, entry, WebhookMessageFormatter.Format(subscription.Format, alert, context), ct);
            }
        }
    }

    /// <summary>Sets <c>WebhooksDoneAt</c> on the entries every matching webhook has finished (or none wants).</summary>
    private async Task MarkDoneAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        var after = 0L;
        while (true)
        {
            var page = await db.AlertOutbox.Where(e => e.WebhooksDoneAt == null && e.Id > after).OrderBy(e => e.Id).Take(PageSize * 5).ToListAsync(ct);
            if (page.Count == 0)
            {
                return;
            }

            after = page[^1].Id;
            var ids = page.Select(e => e.Id).ToList();
            var finals = (await db.WebhookDeliveries.Where(d => d.Final && ids.Contains(d.OutboxEntryId))
                .Select(d => new { d.OutboxEntryId, d.SubscriptionId }).ToListAsync(ct))
                .Select(d => (d.OutboxEntryId, d.SubscriptionId)).ToHashSet();
            var now = time.GetUtcNow();
            foreach (var entry in page)
            {
                var rings = Rings(Parse(entry));
                if (!rings || subscriptions.Where(s => Matches(s, entry)).All(s => finals.Contains((entry.Id, s.Id))))
                {
                    entry.WebhooksDoneAt = now;
                }
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<List<WebhookSubscription>> SubscriptionsAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.Id).ToListAsync(ct);
    }

    private static AlertEventMessage Parse(AlertOutboxEntry entry) =>
        JsonSerializer.Deserialize(entry.Payload, ContractJsonContext.Default.AlertEventMessage)!;

    private static async Task<WebhookAlertContext> ContextAsync(RegistryDbContext db, AlertEventMessage alert, CancellationToken ct)
    {
        var clinic = await db.Clinics.AsNoTracking().SingleOrDefaultAsync(c => c.Id == alert.ClinicId, ct);
        var maskedName = alert.PatientId is { } patientId
            ? await db.Patients.Where(p => p.Id == patientId).Select(p => p.MaskedName).SingleOrDefaultAsync(ct)
            : null;
        return new WebhookAlertContext(maskedName, clinic?.Name ?? alert.ClinicId, ClinicTimeZone(clinic?.TimeZoneId));
    }

    private static TimeZoneInfo ClinicTimeZone(string? id)
    {
        // Every clinic is in China unless the registry says otherwise (DESIGN.md §1).
        return TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "Asia/Shanghai", out var zone) ? zone
            : TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var shanghai) ? shanghai
            : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook lane {SubscriptionId} failed; it restarts on the next pass")]
    private static partial void LogLaneFailed(ILogger logger, long subscriptionId, Exception exception);
}
