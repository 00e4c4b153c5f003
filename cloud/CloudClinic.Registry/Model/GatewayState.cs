namespace CloudClinic.Registry.Model;

/// <summary>What the cloud last heard from a gateway (its retained status, or any reading as a heartbeat).</summary>
public sealed class GatewayState
{
    public string ClinicId { get; set; } = "";

    public string GatewayId { get; set; } = "";

    /// <summary>online or offline (the contract's GatewayStates).</summary>
    public string State { get; set; } = "";

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When the current online period began: "not measured" stays quiet for a grace time after it.</summary>
    public DateTimeOffset? OnlineSince { get; set; }

    public string? Version { get; set; }
}
