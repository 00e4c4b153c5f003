using CloudClinic.Alerts.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Runs <see cref="AlertEngine.RunScheduleAsync"/> every <c>Alerts:ScheduleInterval</c> on the injected clock, in the
/// process that holds the engine lease only (two schedules would race to raise the same "not measured").
/// </summary>
internal sealed partial class AlertScheduleWorker(
    AlertEngine engine, EngineLeadership leadership, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertScheduleWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        do
        {
            await leadership.WaitAsync(stoppingToken);
            try
            {
                var events = await engine.RunScheduleAsync(stoppingToken);
                if (events.Count > 0)
                {
                    LogScheduled(logger, events.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again: periodic work is never retried in a loop (STYLE.md, Polly).
                LogScheduleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert schedule produced {Count} events")]
    private static partial void LogScheduled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert schedule failed; next tick retries")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}
