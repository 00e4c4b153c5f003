using CloudClinic.Alerts.Leadership;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Drains the durable evaluation queue into the engine while this process holds the engine lease. Urgent rows go in
/// a batch of their own, so an urgent alert waits for at most one ordinary batch, never for the backlog. A failed
/// batch (registry locked or down) is retried with backoff, never skipped: its rows stay queued until the engine
/// commits them together with the alert changes they cause.
/// </summary>
internal sealed partial class AlertEvaluationWorker(
    DurableEvaluationQueue queue,
    AlertEngine engine,
    EngineLeadership leadership,
    AlertMetrics metrics,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluationWorker> logger) : BackgroundService
{
    // Cheap (an indexed read of a usually empty table) and bounds the delay for rows another process queued.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // A batch of ordinary rows may take this many rows' worth of readings. Each engine batch costs a transaction and a
    // handful of registry queries whatever its size; behind a firehose (bench/README.md, 100 readings/message) the
    // engine spent most of its time on that, 1,500 batches for 300,000 readings at one row a batch, and at five rows it
    // was still 18% of the ingest's CPU samples (perf, 2026-11-29 19:27), 15% at ten. Urgent rows keep
    // Alerts:BatchSize, and an urgent reading waits for at most one ordinary batch (2,000 readings at the default
    // Alerts:BatchSize: ~8 ms of the engine's CPU at the ~4 µs a reading it spent behind that firehose), so this
    // bounds that wait too.
    private const int OrdinaryBatchRows = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            await leadership.WaitAsync(stoppingToken);
            try
            {
                var batch = await queue.PeekAsync(options.Value.BatchSize, options.Value.BatchSize * OrdinaryBatchRows, stoppingToken);
                if (batch.Count == 0)
                {
                    await queue.WaitForWorkAsync(Poll, stoppingToken);
                    continue;
                }

                await engine.ProcessQueuedAsync(batch, stoppingToken);
                metrics.Evaluated(batch.Sum(q => q.Readings.Count), time.GetUtcNow() - batch[0].EnqueuedAt);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another engine (a lease handover in progress) committed some of these rows first; its commit stands,
                // ours rolled back as a whole, and the next peek no longer sees them.
                LogTakenElsewhere(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, ex, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert evaluation failed; the readings stay queued, retrying in {Backoff}")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued readings were evaluated by another engine first; taking the next ones")]
    private static partial void LogTakenElsewhere(ILogger logger);
}
