using CloudClinic.Edge.Gateway.Acquisition.Ble;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Runs one driver per configured station, each on its own link, for the life of the gateway.</summary>
internal sealed partial class AcquisitionWorker(
    IOptions<EdgeOptions> options,
    MeterLinkFactory links,
    StationDriverFactory drivers,
    BleStations bleStations,
    OutboxDatabase database,
    OutboxStore outbox,
    RejectedFrameStore rejectedFrames,
    GatewayStatusBoard board,
    AcquisitionCounters counters,
    CheckInService checkIn,
    LoopHeartbeats heartbeats,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>The loop name in the watchdog's log.</summary>
    public const string Loop = "acquisition";

    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger = loggerFactory.CreateLogger<AcquisitionWorker>();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail start-up, not the first reading, when the outbox cannot be opened.
        database.EnsureOpen();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var edge = options.Value;
        if (edge.Stations.Count == 0)
        {
            LogNoStations(_logger);
            return;
        }

        var stations = Task.WhenAll(edge.Stations.Select(station => RunStationAsync(edge, station, stoppingToken)));
        // Beat while the station loops run, idle meters included (a commit that hangs is an outbox operation the
        // watchdog times on its own); once they have ended, the silence tells the watchdog.
        while (!stations.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAny(stations, heartbeats.DelayAsync(Loop, heartbeats.BeatEvery, stoppingToken));
        }

        await stations;
    }

    private async Task RunStationAsync(EdgeOptions edge, StationOptions station, CancellationToken stoppingToken)
    {
        // One category per station, under the name it has always had, so log filters keep working.
        var logger = loggerFactory.CreateLogger($"{typeof(AcquisitionWorker).Namespace}.StationDriver.{station.Name}");
        if (station.Link == StationOptions.BleLink)
        {
            var committer = new ReadingCommitter(BleStations.SourceOf(edge, station), outbox, rejectedFrames, counters, checkIn, timeProvider, logger);
            LogStarting(_logger, station.Name, station.Link, station.BleAddress ?? "-");
            await RunWithRestartsAsync(station, () => bleStations.RunAsync(station, committer, logger, stoppingToken), stoppingToken);
        }
        else
        {
            var link = links.Create(station);
            var source = new ReadingSource(edge.ClinicId, edge.GatewayId, station.Name, MeterLinkFactory.ModelOf(station), link.Transport, station.Protocol);
            var committer = new ReadingCommitter(source, outbox, rejectedFrames, counters, checkIn, timeProvider, logger);
            LogStarting(_logger, station.Name, station.Link, station.Port ?? "-");
            await RunWithRestartsAsync(station, () => link.RunAsync(drivers.Create(station, committer, logger, stoppingToken), stoppingToken), stoppingToken);
        }
    }

    /// <summary>Runs a station until the gateway stops; a driver that throws is logged and started again.</summary>
    private async Task RunWithRestartsAsync(StationOptions station, Func<Task> run, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A bug must not silence the other stations or end the gateway: log it and restart this station.
                LogStationFailed(_logger, ex, station.Name, RestartDelay.TotalSeconds);
                board.SetStation(station.Name, connected: false, lastError: ex.Message);
                try
                {
                    await Task.Delay(RestartDelay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No meter stations configured (Edge:Stations): the gateway only relays its outbox")]
    private static partial void LogNoStations(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: starting ({Link} link, port {Port})")]
    private static partial void LogStarting(ILogger logger, string station, string link, string port);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Station {Station}: driver failed; restarting it in {DelaySeconds} s")]
    private static partial void LogStationFailed(ILogger logger, Exception exception, string station, double delaySeconds);
}
