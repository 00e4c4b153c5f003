using Microsoft.Extensions.Hosting;

namespace CloudClinic.Registry;

/// <summary>Applies the registry migrations at start-up: a host whose registry cannot be migrated does not start.</summary>
internal sealed class RegistryMigrationService(RegistryDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
