using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Watchdog;

/// <summary>Registers <see cref="SystemdWatchdogService"/> with settings from systemd's environment.</summary>
internal static class WatchdogServiceCollectionExtensions
{
    public static IServiceCollection AddSystemdWatchdog(this IServiceCollection services)
    {
        services.AddHostedService(provider => new SystemdWatchdogService(
            SystemdWatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId),
            new BackgroundServiceHealth(provider),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SystemdWatchdogService>>()));
        return services;
    }
}
