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
/// Publishes committed alert events from the outbox in commit order and records each as published once the broker's
/// PUBACK came back — in one update per <see cref="MarkInterval"/>, not one commit per event. On start it first
/// publishes whatever a crashed predecessor committed but never sent or never recorded (the alert-replay gap; the
/// same alert ids again). A failed publish stops the pass (order kept) and is retried after a poll interval. Runs only
/// in the process that holds the engine lease, so an event is published by one dispatcher, not by every host sharing
/// the registry.
/// </summary>
internal sealed partial class AlertOutboxDispatcher(
    RegistryDatabase database,
    EngineLeadership leadership,
    IAlertPublisher publisher,
    AlertOutboxSignal signal,
    OutboxRetention retention,
    TimeProvider time,
    ILogger<AlertOutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MarkInterval = TimeSpan.FromMilliseconds(100);
    private const int PageSize = 200;
    private readonly PublishedMarks _marks = new();
    private readonly PeriodicGate _prune = new(TimeSpan.FromHours(1), time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await leadership.WaitAsync(stoppingToken);
                try
                {
                    await PublishPendingAsync(stoppingToken);
                    if (_marks.IsDue(time, MarkInterval, PageSize))
                    {
                        await RecordPublishedAsync(CancellationToken.None);
                    }

                    if (_prune.TryPass())
                    {
                        LogPruned(logger, await retention.PruneAsync(stoppingToken));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex);
                }

                await signal.WaitMqttAsync(_marks.Count > 0 ? MarkInterval : Poll, time, stoppingToken);
            }
        }
        finally
        {
            // Stopping: the broker has these, so record that, or the successor sends them again.
            await RecordPublishedAsync(CancellationToken.None);
        }
    }

    /// <summary>Publishes every pending entry not published yet; returns how many were published.</summary>
    private async Task<int> PublishPendingAsync(CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        var published = 0;
        while (true)
        {
            await using var db = database.CreateContext();
            var skip = _marks.Ids.ToList();
            var pending = await db.AlertOutbox.AsNoTracking()
                .Where(e => e.PublishedAt == null && !skip.Contains(e.Id))
                .OrderBy(e => e.Id).Take(PageSize)
                .Select(e => new { e.Id, e.AlertId, e.Event, e.Payload })
                .ToListAsync(ct);
            if (pending.Count == 0)
            {
                return published;
            }

            foreach (var entry in pending)
            {
                if (!leadership.IsLeader)
                {
                    return published; // the lease lapsed: the next leader publishes the rest
                }

                var message = JsonSerializer.Deserialize(entry.Payload, ContractJsonContext.Default.AlertEventMessage)!;
                try
                {
                    await publisher.PublishAsync(message, ct);
                }
                catch (AlertPublishException ex)
                {
                    LogPublishFailed(logger, entry.AlertId, entry.Event, ex.Message);
                    await db.AlertOutbox.Where(e => e.Id == entry.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(e => e.PublishAttempts, e => e.PublishAttempts + 1).SetProperty(e => e.LastError, ex.Message), CancellationToken.None);
                    return published;
                }

                _marks.Add(entry.Id, time.GetTimestamp());
                published++;
            }
        }
    }

    private async Task RecordPublishedAsync(CancellationToken ct)
    {
        if (_marks.Count == 0)
        {
            return;
        }

        var ids = _marks.Take();
        var startedAt = time.GetTimestamp();
        try
        {
            var now = time.GetUtcNow();
            await using var db = database.CreateContext();
            await db.AlertOutbox.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(
                u => u.SetProperty(e => e.PublishedAt, now).SetProperty(e => e.PublishAttempts, e => e.PublishAttempts + 1).SetProperty(e => e.LastError, (string?)null),
                ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Kept pending: left out of the next query (not sent twice) and recorded on the next try.
            _marks.Restore(ids, startedAt);
            LogRecordFailed(logger, ids.Count, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert event {AlertId} ({Event}) not published yet: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string alertId, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} sent alert events past the outbox retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {Count} published alert events yet (retrying): {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert outbox pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
