using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Drains the evaluation queue into the engine in batches. A failed batch (registry locked or down) is retried with
/// backoff, never skipped: the readings are already acknowledged upstream, so this is where they must not get lost.
/// </summary>
internal sealed partial class AlertEvaluationWorker(
    AlertEvaluationQueue queue, AlertEngine engine, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertEvaluationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await queue.TakeAsync(options.Value.BatchSize, stoppingToken);
            var backoff = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                try
                {
                    await engine.ProcessReadingsAsync([.. batch.Select(q => q.Reading)], stoppingToken);
                    foreach (var queued in batch)
                    {
                        queued.Committed?.TrySetResult();
                    }

                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogBatchFailed(logger, ex, batch.Count, backoff);
                    await Task.Delay(backoff, time, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert evaluation of {Count} readings failed; retrying in {Backoff}")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, TimeSpan backoff);
}
