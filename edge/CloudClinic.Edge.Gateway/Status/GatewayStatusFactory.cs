using System.Reflection;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Outbox;

namespace CloudClinic.Edge.Gateway.Status;

/// <summary>
/// Builds the status message of <c>…/{gateway}/status</c> (DESIGN.md §3), online or offline (LWT). A full outbox
/// (DESIGN.md §5) is the gateway's last error and the error of every connected station: its readings are refused.
/// </summary>
internal sealed class GatewayStatusFactory(GatewayStatusBoard board, OutboxStore outbox, OutboxBudget budget, TimeProvider timeProvider)
{
    /// <summary>The gateway build, without the source-revision suffix the SDK appends after '+'.</summary>
    public static readonly string Version =
        (typeof(GatewayStatusFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public GatewayStatusMessage Create(string state)
    {
        var alarm = budget.Alarm;
        var devices = board.Stations;
        return new GatewayStatusMessage
        {
            State = state,
            Version = Version,
            Devices = alarm is null ? devices : [.. devices.Select(d => d.Connected ? d with { LastError = alarm } : d)],
            Backlog = outbox.Count,
            At = timeProvider.GetUtcNow(),
            LastError = alarm ?? board.UplinkError,
        };
    }
}
