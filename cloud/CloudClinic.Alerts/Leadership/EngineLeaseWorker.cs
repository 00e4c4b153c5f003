using CloudClinic.Alerts.Engine;
using CloudClinic.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Leadership;

/// <summary>
/// Keeps (or waits for) the alert engine's lease: tries at start, then every third of <c>Alerts:LeaseDuration</c>.
/// A holder that cannot renew (registry unreachable) steps down before its lease can expire, so two processes never
/// both believe they lead; on a clean stop it releases the lease for an immediate takeover.
/// </summary>
internal sealed partial class EngineLeaseWorker(
    RegistryDatabase database, EngineLeadership leadership, IOptions<AlertOptions> options, TimeProvider time, ILogger<EngineLeaseWorker> logger) : BackgroundService
{
    public const string LeaseName = "alert-engine";

    private readonly RegistryLease _lease = new(
        database, time, LeaseName, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var duration = options.Value.LeaseDuration;
        var lastRenewed = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wasLeader = leadership.IsLeader;
                try
                {
                    // Valid from before the attempt: the lease row's expiry is at least that late. Two thirds of it,
                    // so a holder stops acting a third of a lease before anyone else may take over.
                    var attemptedAt = time.GetUtcNow();
                    var held = await _lease.TryAcquireAsync(duration, stoppingToken);
                    lastRenewed = held ? attemptedAt : lastRenewed;
                    leadership.Set(held, attemptedAt + (duration * 2 / 3));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(logger, ex.Message);
                    // Step down with a margin of one renew interval before the lease could pass to someone else.
                    if (time.GetUtcNow() - lastRenewed > duration - (duration / 3))
                    {
                        leadership.Set(false);
                    }
                }

                if (leadership.IsLeader != wasLeader)
                {
                    LogLeadershipChanged(logger, _lease.Holder, leadership.IsLeader);
                }

                await Task.Delay(duration / 3, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            if (leadership.IsLeader)
            {
                leadership.Set(false);
                await ReleaseQuietlyAsync();
            }
        }
    }

    private async Task ReleaseQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _lease.ReleaseAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            // The lease simply runs out: a successor waits one lease duration at most.
            LogReleaseFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert engine lease holder {Holder}: leading = {Leading}")]
    private static partial void LogLeadershipChanged(ILogger logger, string holder, bool leading);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert engine lease not renewed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert engine lease not released (a successor waits for it to expire): {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, string reason);
}
