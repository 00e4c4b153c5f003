using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Gateway.Status;

/// <summary>
/// <c>Edge:Watchdog</c>: how long a gateway loop may go without a heartbeat, or an outbox operation may run, before the
/// gateway counts as hung and stops pinging systemd's watchdog (which then restarts it).
/// </summary>
internal sealed class HeartbeatOptions
{
    public const string SectionName = "Edge:Watchdog";

    /// <summary>
    /// 90 s: far above a slow SD card's worst commit (seconds) and the 10 s MQTT connect timeout; loops beat every
    /// sixth of it. Keep WatchdogSec= in the unit above half of this, or systemd restarts before the stall is known.
    /// </summary>
    [NumberRange(1, 3600, ErrorMessage = "Edge:Watchdog:StallSeconds must be 1-3600")]
    public double StallSeconds { get; set; } = 90;
}
