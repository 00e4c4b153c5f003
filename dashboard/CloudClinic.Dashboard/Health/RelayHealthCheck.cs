using CloudClinic.Dashboard.Relay;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudClinic.Dashboard.Health;

/// <summary>
/// Degraded (not unhealthy) while the broker is unreachable: the page and its history still work, only the live
/// feed waits for the relay's reconnect loop.
/// </summary>
internal sealed class RelayHealthCheck(RelayState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["relayed"] = state.Relayed,
            ["rejected"] = state.Rejected,
        };
        return Task.FromResult(state.IsConnected
            ? HealthCheckResult.Healthy("live relay connected to the broker", data)
            : HealthCheckResult.Degraded("live relay is not connected to the broker", data: data));
    }
}
