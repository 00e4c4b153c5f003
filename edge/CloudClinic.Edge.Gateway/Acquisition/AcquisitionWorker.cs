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
    OutboxDatabase database,
    OutboxStore outbox,
    RejectedFrameStore rejectedFrames,
    GatewayStatusBoard board,
    AcquisitionCounters counters,
    CheckInService checkIn,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger = loggerFactory.CreateLogger<AcquisitionWorker>();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail start-up, not the first reading, when the outbox cannot be opened.
        database.EnsureOpen();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var edge = options.Value;
        if (edge.Stations.Count == 0)
        {
            LogNoStations(_logger);
            return Task.CompletedTask;
        }

        return Task.WhenAll(edge.Stations.Select(station => RunStationAsync(edge, station, stoppingToken)));
    }

    private async Task RunStationAsync(EdgeOptions edge, StationOptions station, CancellationToken stoppingToken)
    {
        var link = links.Create(station);
        var source = new ReadingSource(edge.ClinicId, edge.GatewayId, station.Name, MeterLinkFactory.ModelOf(station), link.Transport, station.Protocol);
        // One category per station, under the name it has always had, so log filters keep working.
        var logger = loggerFactory.CreateLogger($"{typeof(AcquisitionWorker).Namespace}.StationDriver.{station.Name}");
        var committer = new ReadingCommitter(source, outbox, rejectedFrames, counters, checkIn, timeProvider, logger);
        LogStarting(_logger, station.Name, station.Link, station.Port ?? "-");
        while (!stoppingToken.IsCancellationRequested)
        {
            var driver = drivers.Create(station, committer, logger, stoppingToken);
            try
            {
                await link.RunAsync(driver, stoppingToken);
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
