using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Watchdog;

/// <summary>
/// Pings systemd's watchdog (<c>WATCHDOG=1</c>, sd_notify(3)) at half of <c>WatchdogSec=</c>, but only while the
/// gateway's loops are healthy: a gateway whose uplink or acquisition died stops pinging, and systemd restarts it.
/// Microsoft.Extensions.Hosting.Systemd sends READY=1/STOPPING=1 but never WATCHDOG=1. Does nothing outside systemd
/// or without <c>WatchdogSec=</c>.
/// </summary>
internal sealed partial class SystemdWatchdogService(
    SystemdWatchdogSettings? settings,
    IGatewayHealth health,
    TimeProvider timeProvider,
    ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings is null)
        {
            return;
        }

        LogEnabled(logger, settings.Interval.TotalSeconds);
        using var socket = new SystemdNotifySocket(settings.NotifySocket);
        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        string? lastProblem = null;
        do
        {
            var problem = health.FindProblem();
            if (problem is null)
            {
                socket.Send("WATCHDOG=1");
            }
            else if (problem != lastProblem)
            {
                LogUnhealthy(logger, problem);
            }

            lastProblem = problem;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog: pinging every {IntervalSeconds} s while the gateway is healthy")]
    private static partial void LogEnabled(ILogger logger, double intervalSeconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "systemd watchdog: not pinging, so systemd will restart the gateway: {Problem}")]
    private static partial void LogUnhealthy(ILogger logger, string problem);
}
