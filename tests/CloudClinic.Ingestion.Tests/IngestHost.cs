using System.Diagnostics.Metrics;
using CloudClinic.Contracts;
using CloudClinic.Storage;
using CloudClinic.Storage.DeadLetters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// The real ingest composition (<c>AddCloudIngest</c>) in a test host with its own temp SQLite files, a captured
/// log and its counters, plus a <see cref="TestGateway"/> to publish with.
/// </summary>
internal sealed class IngestHost : IAsyncDisposable
{
    public const string ClientId = "test-ingest";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private readonly bool _ownsDirectory;
    private TestGateway? _gateway;

    private IngestHost(IHost host, LogCapture log, string directory, bool ownsDirectory)
    {
        _host = host;
        Log = log;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Counters = new CounterTotals(host.Services.GetRequiredService<IMeterFactory>());
    }

    public LogCapture Log { get; }

    public CounterTotals Counters { get; }

    public string Directory { get; }

    public IServiceProvider Services => _host.Services;

    public IReadingStore Readings => _host.Services.GetRequiredService<IReadingStore>();

    public IDeadLetterStore DeadLetters => _host.Services.GetRequiredService<IDeadLetterStore>();

    /// <summary>
    /// Starts the ingest against <paramref name="mqttUrl"/> and waits until it has subscribed. Pass the
    /// <paramref name="directory"/> of an earlier host to run on its SQLite files.
    /// </summary>
    public static async Task<IngestHost> StartAsync(string mqttUrl, Dictionary<string, string?>? settings = null, string? directory = null)
    {
        var ownsDirectory = directory is null;
        directory ??= System.IO.Directory.CreateTempSubdirectory("cloudclinic-ingest-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = mqttUrl,
            ["Ingest:ClientId"] = ClientId,
            ["Ingest:MaxRetryDelay"] = "00:00:00.200",
            ["Storage:SqlitePath"] = Path.Combine(directory, "readings.db"),
            ["Storage:Registry"] = $"Data Source={Path.Combine(directory, "registry.db")}",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        var log = new LogCapture();
        builder.Logging.AddProvider(log);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.AddCloudIngest();

        var ingest = new IngestHost(builder.Build(), log, directory, ownsDirectory);
        await ingest._host.StartAsync();
        await log.WaitForAsync("ingest subscribed", Timeout);
        ingest._gateway = await TestGateway.ConnectAsync(mqttUrl);
        return ingest;
    }

    public Task PublishAsync(ReadingMessage reading, string? topic = null) => _gateway!.PublishAsync(reading, topic);

    public Task PublishAsync(string topic, byte[] payload) => _gateway!.PublishAsync(topic, payload);

    /// <summary>Graceful shutdown, as systemd would do; unacknowledged readings stay with the broker.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _host.StopAsync();
        _host.Dispose();
        Counters.Dispose();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
