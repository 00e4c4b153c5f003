using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using CloudClinic.Edge.Gateway;
using CloudClinic.Ingestion;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace CloudClinic.Dashboard.Demo;

/// <summary>
/// <c>--demo</c>: the newcomer's one command. One process runs an embedded MQTT broker, the cloud ingest (SQLite
/// store + alert rule), a simulated clinic gateway and the dashboard. Every piece is the production library,
/// composed here and configured through the same keys an operator would set.
/// </summary>
internal static class DemoHostingExtensions
{
    /// <summary>Composes the demo when <c>Demo:Enabled</c> is true (set by <c>--demo</c>); returns whether it did.</summary>
    public static bool AddDemoIfEnabled(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (!demo.Enabled)
        {
            return false;
        }

        // Read before the host exists (it decides the broker port), so validated here rather than by ValidateOnStart.
        Validator.ValidateObject(demo, new ValidationContext(demo), validateAllProperties: true);

        var port = demo.MqttPort != 0 ? demo.MqttPort : FreeLoopbackPort();
        var dataDirectory = demo.DataDirectory ?? DefaultDataDirectory();
        Directory.CreateDirectory(dataDirectory);
        var settings = new Dictionary<string, string?>(DemoSettings.Create(port, dataDirectory, demo))
        {
            [DemoEncryptionKey.ConfigurationKey] = DemoEncryptionKey.LoadOrCreate(dataDirectory),
        };
        AddDefaults(builder.Configuration, settings);

        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DemoOptions.DefaultUrl);
        }

        // The broker first: hosted services start in registration order, so it listens before any client connects.
        builder.Services.AddHostedService(sp => new EmbeddedMqttBroker(port, sp.GetRequiredService<ILogger<EmbeddedMqttBroker>>()));
        builder.AddCloudIngest();
        builder.AddEdgeGateway();
        builder.Services.AddSingleton<DemoAccounts>();
        return true;
    }

    /// <summary>
    /// Demo values sit just above appsettings*.json and below user secrets, environment variables and the command
    /// line, so `--Edge:GatewayId=…` or `Storage__Readings=influx` still win.
    /// </summary>
    private static void AddDefaults(ConfigurationManager configuration, IReadOnlyDictionary<string, string?> settings)
    {
        IConfigurationBuilder builder = configuration;
        var sources = builder.Sources;
        var lastJson = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource)
            {
                lastJson = i;
            }
        }

        sources.Insert(lastJson + 1, new MemoryConfigurationSource { InitialData = settings });
    }

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]);

    private static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "cloudclinic-demo");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
