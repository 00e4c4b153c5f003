using System.Collections.Concurrent;
using CloudClinic.Edge.Gateway.Acquisition;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>The real gateway (AddEdgeGateway) in a host with in-memory configuration and a temporary outbox.</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    public const string ClinicId = "clinic-1";
    public const string GatewayId = "gw-1";
    private readonly string _directory;
    private bool _running;

    private GatewayUnderTest(IHost host, string directory, ConcurrentQueue<string> logs)
    {
        Host = host;
        _directory = directory;
        Logs = logs;
    }

    public IHost Host { get; }

    public ConcurrentQueue<string> Logs { get; }

    public OutboxStore Outbox => Host.Services.GetRequiredService<OutboxStore>();

    public RejectedFrameStore RejectedFrames => Host.Services.GetRequiredService<RejectedFrameStore>();

    public AcquisitionCounters Counters => Host.Services.GetRequiredService<AcquisitionCounters>();

    public GatewayStatusBoard Board => Host.Services.GetRequiredService<GatewayStatusBoard>();

    public static string ClientId => $"cloudclinic-gw-{ClinicId}-{GatewayId}";

    /// <summary>Fast reconnects and status for tests; <paramref name="settings"/> add to or override them.</summary>
    public static GatewayUnderTest Create(string mqttUrl, IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("cloudclinic-gw-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = mqttUrl,
            ["Mqtt:ReconnectMinSeconds"] = "0.1",
            ["Mqtt:ReconnectMaxSeconds"] = "0.5",
            ["Edge:ClinicId"] = ClinicId,
            ["Edge:GatewayId"] = GatewayId,
            ["Edge:OutboxPath"] = Path.Combine(directory, "outbox.db"),
            ["Edge:StatusMinIntervalSeconds"] = "0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(all);
        var logs = new ConcurrentQueue<string>();
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new QueueLoggerProvider(logs));
        builder.AddEdgeGateway();
        return new GatewayUnderTest(builder.Build(), directory, logs);
    }

    public async Task StartAsync()
    {
        await Host.StartAsync();
        _running = true;
    }

    public async Task StopAsync()
    {
        _running = false;
        await Host.StopAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync();
        }

        Host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
