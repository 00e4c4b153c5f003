using System.Globalization;
using CloudClinic.Testing;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>
/// The production shape on one machine: real mosquitto and influxd 1.6.7 from apt, the ingest host as its own
/// process. Each test gets its own stack (free ports, temp dirs) so tests never share state.
/// </summary>
internal sealed class CloudStack : IAsyncDisposable
{
    public const string Database = "cloudclinic";

    private CloudStack(MosquittoProcess mosquitto, InfluxdProcess influxd, string directory)
    {
        Mosquitto = mosquitto;
        Influxd = influxd;
        Directory = directory;
    }

    public MosquittoProcess Mosquitto { get; }

    public InfluxdProcess Influxd { get; }

    public string Directory { get; }

    public ChildProcess? Ingest { get; private set; }

    /// <summary>The registry database where the ingest keeps dead letters.</summary>
    public string RegistryPath => Path.Combine(Directory, "registry.db");

    public static async Task<CloudStack> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cloudclinic-e2e-").FullName;
        var mosquitto = await MosquittoProcess.StartAsync();
        var influxd = await InfluxdProcess.StartAsync();
        return new CloudStack(mosquitto, influxd, directory);
    }

    public Dictionary<string, string?> CloudSettings() => new()
    {
        ["Mqtt__Url"] = Mosquitto.Url,
        ["Storage__Readings"] = "influx",
        ["Storage__Registry"] = $"Data Source={RegistryPath}",
        ["Influx__Url"] = Influxd.Url.ToString(),
        ["Influx__Dialect"] = "v1",
        ["Influx__Database"] = Database,
    };

    /// <summary>Starts the ingest (same fixed client id every time, so its persistent session survives) and waits for its subscription.</summary>
    public async Task<ChildProcess> StartIngestAsync()
    {
        var settings = CloudSettings();
        settings["Ingest__ClientId"] = "e2e-ingest";
        // "Acknowledged N messages": tests that kill the ingest wait for their acks first.
        settings["Logging__LogLevel__CloudClinic.Ingestion.MqttIngestWorker"] = "Debug";
        Ingest = HostProcesses.Start(HostProcesses.Ingest, settings);
        await Ingest.WaitForOutputAsync("ingest subscribed", TimeSpan.FromSeconds(60));
        return Ingest;
    }

    public Task<MqttProbe> ProbeAsync(string name) => MqttProbe.ConnectAsync(Mosquitto.Host, Mosquitto.Port, $"e2e-probe-{name}");

    public async ValueTask DisposeAsync()
    {
        if (Ingest is not null)
        {
            await Ingest.DisposeAsync();
        }

        await Influxd.DisposeAsync();
        await Mosquitto.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A host we killed may still hold a file for a moment; the temp dir is cleaned by the OS.
        }
    }

    public static string Id(string prefix) =>
        prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToString(CultureInfo.InvariantCulture);
}
