using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Edge.Watchdog;

/// <summary>
/// The gateway's loops (uplink, acquisition: every <see cref="BackgroundService"/> in the host but the watchdog) are
/// healthy while none of them has faulted or been cancelled, and none is hung: <see cref="LoopHeartbeats"/> names a
/// loop without progress or an outbox operation that overran <c>Edge:Watchdog:StallSeconds</c>. A loop that ended
/// normally is fine: acquisition ends at once when no station is configured, and every loop ends when the host stops.
/// </summary>
internal sealed class BackgroundServiceHealth(IServiceProvider services) : IGatewayHealth
{
    // Resolved on first use: resolving IHostedService from the watchdog's constructor would be circular.
    private BackgroundService[]? _loops;
    private LoopHeartbeats? _heartbeats;

    public string? FindProblem()
    {
        _loops ??= GatewayLoops.All(services);
        foreach (var loop in _loops)
        {
            if (loop.ExecuteTask is { IsFaulted: true } or { IsCanceled: true })
            {
                var reason = loop.ExecuteTask.Exception?.GetBaseException().Message ?? "cancelled";
                return $"{loop.GetType().Name} stopped: {reason}";
            }
        }

        _heartbeats ??= services.GetService<LoopHeartbeats>();
        return _heartbeats?.FindStall();
    }
}
