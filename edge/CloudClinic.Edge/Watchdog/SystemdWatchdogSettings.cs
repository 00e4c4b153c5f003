using System.Globalization;

namespace CloudClinic.Edge.Watchdog;

/// <summary>
/// Where and how often to tell systemd the gateway is alive, from the variables systemd sets for a unit with
/// <c>WatchdogSec=</c> (sd_watchdog_enabled(3)): <c>NOTIFY_SOCKET</c>, <c>WATCHDOG_USEC</c> and <c>WATCHDOG_PID</c>.
/// </summary>
/// <param name="Interval">Half of <c>WATCHDOG_USEC</c>, as sd_watchdog_enabled(3) recommends, so one late ping is not fatal.</param>
internal sealed record SystemdWatchdogSettings(string NotifySocket, TimeSpan Interval)
{
    /// <summary>Null when systemd's watchdog is not enabled for this process.</summary>
    public static SystemdWatchdogSettings? FromEnvironment(Func<string, string?> variable, int processId)
    {
        var socket = variable("NOTIFY_SOCKET");
        var usecText = variable("WATCHDOG_USEC");
        if (string.IsNullOrEmpty(socket)
            || !long.TryParse(usecText, NumberStyles.None, CultureInfo.InvariantCulture, out var usec)
            || usec <= 0)
        {
            return null;
        }

        // WATCHDOG_PID names the process the watchdog is meant for; a child that inherited the variables must not ping.
        var pidText = variable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pidText)
            && (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return new SystemdWatchdogSettings(socket, TimeSpan.FromMicroseconds(usec / 2.0));
    }
}
