using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Alerts.Engine;

/// <summary>The <c>Alerts</c> section: escalation, gateway liveness and the schedule of the alert engine.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>An urgent alert not acknowledged this long escalates (grid worker, clinic lead).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Alerts:UrgentEscalateAfter must be between 1 s and 7 days")]
    public TimeSpan UrgentEscalateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Critical (level-2 hypo) escalates sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Alerts:CriticalEscalateAfter must be between 1 s and 7 days")]
    public TimeSpan CriticalEscalateAfter { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Alerts:GatewayHeartbeatTimeout must be between 10 s and 1 day")]
    public TimeSpan GatewayHeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After a gateway comes back, "not measured" waits this long for its backlog to replay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Alerts:GatewayOnlineGrace must be between 0 and 1 day")]
    public TimeSpan GatewayOnlineGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often not-measured, gateway liveness, escalation and snooze expiry are evaluated.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Alerts:ScheduleInterval must be between 1 s and 1 h")]
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Ordinary readings evaluated per registry transaction. An urgent reading queued meanwhile waits for at most one
    /// such batch: smaller keeps urgent alerts fast, larger evaluates a backlog with fewer commits.
    /// </summary>
    [Range(1, 5000, ErrorMessage = "Alerts:BatchSize must be 1-5000")]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long the engine lease lasts unrenewed: the longest a crashed engine's successor waits to take over.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:05:00", ErrorMessage = "Alerts:LeaseDuration must be between 3 s and 5 min")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a sent alert event stays in the outbox (the alert and its audit trail are kept regardless).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Alerts:OutboxRetention must be between 1 and 3650 days")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00", ErrorMessage = "Alerts:MaxSnooze must be between 1 and 90 days")]
    public TimeSpan MaxSnooze { get; set; } = TimeSpan.FromDays(7);
}
