using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Gateway offline: its retained status (or LWT) says offline, or nothing heard for more than 15 min (DESIGN.md §6;
/// ThingsBoard's inactivity default is 10 min, the gateway's status heartbeat 5 min). "More than": exactly 15 min is still online.
/// </summary>
public static class GatewayOfflineRule
{
    public static readonly TimeSpan DefaultHeartbeatTimeout = TimeSpan.FromMinutes(15);

    public static bool IsOffline(string state, DateTimeOffset lastSeenAt, DateTimeOffset now, TimeSpan heartbeatTimeout) =>
        state == GatewayStates.Offline || now - lastSeenAt > heartbeatTimeout;

    /// <summary>
    /// "Not measured" is suppressed unless some gateway of the clinic is online and has been for the grace time (its
    /// backlog replays first). A clinic with no gateway known is not suppressed.
    /// </summary>
    public static bool SuppressesNotMeasured(
        IEnumerable<(string State, DateTimeOffset LastSeenAt, DateTimeOffset? OnlineSince)> gateways,
        DateTimeOffset now,
        TimeSpan heartbeatTimeout,
        TimeSpan onlineGrace)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var any = false;
        foreach (var (state, lastSeenAt, onlineSince) in gateways)
        {
            any = true;
            if (!IsOffline(state, lastSeenAt, now, heartbeatTimeout) && onlineSince is { } since && now - since >= onlineGrace)
            {
                return false;
            }
        }

        return any;
    }
}
