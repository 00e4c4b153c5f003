using CloudClinic.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// The cloud ingest (with the alert engine) as its own host beside the dashboard, as production runs it: the two meet
/// only at the broker, the reading store and the registry (STYLE.md: hosts never reference each other).
/// </summary>
public static class IngestHost
{
    public static async Task<IHost> StartAsync(string mqttUrl, string readingsPath, string registryConnection)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = mqttUrl,
            ["Ingest:ClientId"] = "ingest-" + Guid.NewGuid().ToString("N"),
            ["Storage:Readings"] = "sqlite",
            ["Storage:SqlitePath"] = readingsPath,
            ["Storage:Registry"] = registryConnection,
        });
        builder.AddCloudIngest();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
