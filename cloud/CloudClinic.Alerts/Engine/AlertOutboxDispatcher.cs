using System.Text.Json;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Publishing;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Publishes committed alert events from the outbox in commit order and marks each once the broker's PUBACK came
/// back. On start it first publishes whatever a crashed predecessor committed but never sent (the alert-replay gap).
/// A failed publish stops the pass (order kept) and is retried after a poll interval. Runs only in the process that
/// holds the engine lease, so an event is published by one dispatcher, not by every host sharing the registry.
/// </summary>
internal sealed partial class AlertOutboxDispatcher(
    RegistryDatabase database, EngineLeadership leadership, IAlertPublisher publisher, AlertOutboxSignal signal, TimeProvider time, ILogger<AlertOutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private const int PageSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await leadership.WaitAsync(stoppingToken);
            try
            {
                await PublishPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }

            await signal.WaitMqttAsync(Poll, time, stoppingToken);
        }
    }

    /// <summary>Publishes every pending entry; returns how many were published.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        var published = 0;
        while (true)
        {
            await using var db = database.CreateContext();
            var pending = await db.AlertOutbox.Where(e => e.PublishedAt == null).OrderBy(e => e.Id).Take(PageSize).ToListAsync(ct);
            if (pending.Count == 0)
            {
                return published;
            }

            // Published entries are marked together, one commit per page instead of one per event (each commit
            // waits for the disk): a crash before that commit publishes the page again, with the same alert ids.
            var stopped = false;
            foreach (var entry in pending)
            {
                if (!leadership.IsLeader)
                {
                    stopped = true; // the lease lapsed: the next leader publishes the rest
                    break;
                }

                var message = JsonSerializer.Deserialize(entry.Payload, ContractJsonContext.Default.AlertEventMessage)!;
                entry.PublishAttempts++;
                try
                {
                    await publisher.PublishAsync(message, ct);
                }
                catch (AlertPublishException ex)
                {
                    entry.LastError = ex.Message;
                    LogPublishFailed(logger, entry.AlertId, entry.Event, ex.Message);
                    stopped = true;
                    break;
                }

                entry.PublishedAt = time.GetUtcNow();
                entry.LastError = null;
                published++;
            }

            // Not cancelled by a stopping host: the broker has these, so record that, or the successor sends them again.
            await db.SaveChangesAsync(CancellationToken.None);
            if (stopped)
            {
                return published;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert event {AlertId} ({Event}) not published yet: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string alertId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert outbox pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
