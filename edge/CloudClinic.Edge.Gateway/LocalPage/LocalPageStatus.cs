using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// <c>/status.json</c>: what the clinic needs to see on the Pi when the cloud is out of reach — the backlog, the disk
/// budget and its alarm (DESIGN.md §5: "raises an alarm (status topic, log, local page)"), each station's link.
/// </summary>
internal sealed record LocalPageStatus
{
    public required string ClinicId { get; init; }

    public required string GatewayId { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Connected to the broker now.</summary>
    public required bool UplinkConnected { get; init; }

    /// <summary>Readings committed and not yet acknowledged by the broker.</summary>
    public required long Backlog { get; init; }

    public required long OutboxUsedBytes { get; init; }

    public required long OutboxBudgetBytes { get; init; }

    /// <summary>"outbox full: …" while readings are refused; null otherwise.</summary>
    public string? Alarm { get; init; }

    /// <summary>Readings refused since start because the budget was reached.</summary>
    public required long RefusedReadings { get; init; }

    /// <summary>The status topic's lastError: the alarm, else the uplink's last problem.</summary>
    public string? LastError { get; init; }

    public required IReadOnlyList<GatewayDeviceStatus> Stations { get; init; }

    /// <summary>How often the page polls (Edge:LocalPage:RefreshSeconds).</summary>
    public required int RefreshSeconds { get; init; }
}
