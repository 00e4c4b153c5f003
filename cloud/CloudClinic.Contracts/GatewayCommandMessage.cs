namespace CloudClinic.Contracts;

/// <summary>Cloud → gateway on <c>…/{gateway}/commands</c>, e.g. a check-in from the dashboard.</summary>
public sealed record GatewayCommandMessage
{
    /// <summary><see cref="GatewayCommands"/>.</summary>
    public required string Command { get; init; }

    public string? PatientId { get; init; }

    public string? Station { get; init; }

    public string? Level { get; init; }

    public DateTimeOffset? At { get; init; }
}
