using System.ComponentModel.DataAnnotations;
using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>The gateway's identity, outbox and meter stations (DESIGN.md §9, section <c>Edge</c>).</summary>
internal sealed class EdgeOptions
{
    public const string SectionName = "Edge";

    /// <summary>Clinic and gateway ids are <c>[a-z0-9-]{1,64}</c>: they appear in MQTT topics (DESIGN.md §3).</summary>
    public const string IdPattern = "^[a-z0-9-]{1,64}$";

    /// <summary>256 MiB: about half a million readings, weeks of a busy clinic offline, small for any SD card.</summary>
    public const long DefaultOutboxBudgetBytes = 256L * 1024 * 1024;

    /// <summary>Below this the schema and one commit's headroom leave no room for readings.</summary>
    public const long MinOutboxBudgetBytes = 64L * 1024;

    [Required(ErrorMessage = "Edge:ClinicId is required")]
    [RegularExpression(IdPattern, ErrorMessage = "Edge:ClinicId must be 1-64 characters of a-z, 0-9 and '-' (it is part of MQTT topics)")]
    public string ClinicId { get; set; } = string.Empty;

    [Required(ErrorMessage = "Edge:GatewayId is required")]
    [RegularExpression(IdPattern, ErrorMessage = "Edge:GatewayId must be 1-64 characters of a-z, 0-9 and '-' (it is part of MQTT topics)")]
    public string GatewayId { get; set; } = string.Empty;

    /// <summary>SQLite file of the outbox (created if missing, with its directory).</summary>
    [Required(ErrorMessage = "Edge:OutboxPath is required (the SQLite file that keeps readings until the broker acknowledges them)")]
    public string OutboxPath { get; set; } = string.Empty;

    /// <summary>
    /// Disk the outbox database may use (SQLite pages in use plus the WAL file). When the next commit would pass it
    /// the gateway refuses new readings and raises an alarm; it never overwrites what it holds (DESIGN.md §5).
    /// </summary>
    public long OutboxBudgetBytes { get; set; } = DefaultOutboxBudgetBytes;

    public List<StationOptions> Stations { get; set; } = [];

    /// <summary>Status is republished when it changes, but not more often than this.</summary>
    [NumberRange(0.05, 3600, ErrorMessage = "Edge:StatusMinIntervalSeconds must be 0.05-3600")]
    public double StatusMinIntervalSeconds { get; set; } = 5;

    /// <summary>Status is republished at least this often, as a heartbeat (DESIGN.md §6 "no heartbeat > 15 min").</summary>
    [NumberRange(1, 86400, ErrorMessage = "Edge:StatusHeartbeatSeconds must be 1-86400")]
    public double StatusHeartbeatSeconds { get; set; } = 300;

    /// <summary>Newest rejected frames kept (with raw bytes) for an admin to look at; older ones are pruned.</summary>
    [NumberRange(10, 1_000_000, ErrorMessage = "Edge:RejectedFramesKept must be 10-1000000")]
    public int RejectedFramesKept { get; set; } = 1000;
}
