namespace CloudClinic.Contracts;

/// <summary>Retained on <c>…/{gateway}/status</c>; the offline form is also the gateway's LWT.</summary>
public sealed record GatewayStatusMessage
{
    /// <summary><see cref="GatewayStates"/>.</summary>
    public required string State { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<GatewayDeviceStatus> Devices { get; init; } = [];

    /// <summary>Readings committed on the gateway and not yet acknowledged by the broker.</summary>
    public long Backlog { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? LastError { get; init; }
}

/// <summary>One meter station as the gateway sees it.</summary>
public sealed record GatewayDeviceStatus
{
    public required string Station { get; init; }

    public required string Protocol { get; init; }

    public required string Transport { get; init; }

    public bool Connected { get; init; }

    public string? LastError { get; init; }
}
