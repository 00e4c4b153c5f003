using System.Reflection;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Outbox;

namespace CloudClinic.Edge.Gateway.Status;

/// <summary>Builds the status message of <c>…/{gateway}/status</c> (DESIGN.md §3), online or offline (LWT).</summary>
internal sealed class GatewayStatusFactory(GatewayStatusBoard board, OutboxStore outbox, TimeProvider timeProvider)
{
    /// <summary>The gateway build, without the source-revision suffix the SDK appends after '+'.</summary>
    public static readonly string Version =
        (typeof(GatewayStatusFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public GatewayStatusMessage Create(string state) => new()
    {
        State = state,
        Version = Version,
        Devices = board.Stations,
        Backlog = outbox.Count,
        At = timeProvider.GetUtcNow(),
        LastError = board.UplinkError,
    };
}
