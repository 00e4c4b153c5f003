using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Edge.Watchdog;

/// <summary>The gateway's loops: every <see cref="BackgroundService"/> in the host but the watchdog itself.</summary>
internal static class GatewayLoops
{
    public static BackgroundService[] All(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<BackgroundService>().Where(s => s is not SystemdWatchdogService).ToArray();

    /// <summary>"UplinkWorker: message" for the first loop that ended with an exception; null when none did.</summary>
    public static string? FirstFault(IEnumerable<BackgroundService> loops) =>
        loops
            .Where(loop => loop.ExecuteTask is { IsFaulted: true })
            .Select(loop => $"{loop.GetType().Name}: {loop.ExecuteTask!.Exception!.GetBaseException().Message}")
            .FirstOrDefault();
}
