using CloudClinic.Contracts;
using CloudClinic.Edge.Bluetooth;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Acquisition.Ble;

/// <summary>
/// What all BLE stations of a gateway share: one D-Bus connection to bluetoothd, one <see cref="BleAdapterGates"/>
/// (one GATT session per adapter at a time) and one RACP cursor file next to the outbox. Runs a station's
/// <see cref="BleMeterDriver"/> (it reconnects with back-off itself) until the gateway stops.
/// </summary>
internal sealed class BleStations(
    IOptions<EdgeOptions> edge,
    IOptions<BluetoothOptions> bluetooth,
    GatewayStatusBoard board,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IDisposable
{
    private static readonly TimeSpan BusRetryMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BusRetryMax = TimeSpan.FromSeconds(30);
    private readonly BleAdapterGates _gates = new();
    private readonly SemaphoreSlim _setup = new(1, 1);
    private BlueZClient? _client;
    private SqliteRacpCursorStore? _cursors;

    public static ReadingSource SourceOf(EdgeOptions edge, StationOptions station) =>
        new(edge.ClinicId, edge.GatewayId, station.Name, station.Model ?? StationOptions.BleDefaultModel, Transports.Ble, station.ReportedProtocol());

    public static BleMeterOptions OptionsOf(StationOptions station) => new()
    {
        Address = station.BleAddress!,
        Adapter = station.BleAdapter,
        Kind = station.BleKind == ReadingKinds.Glucose ? BleMeterKind.Glucose : BleMeterKind.BloodPressure,
        Profile = station.BleProfile,
        Model = station.Model,
        PollInterval = TimeSpan.FromSeconds(station.PollIntervalSeconds),
    };

    public async Task RunAsync(StationOptions station, ReadingCommitter committer, ILogger logger, CancellationToken stoppingToken)
    {
        var client = await ConnectAsync(station, logger, stoppingToken);
        if (client is null)
        {
            return;
        }

        var sink = new BleStationSink(committer, board, logger);
        var driver = new BleMeterDriver(OptionsOf(station), client, _gates, sink, _cursors!, timeProvider, loggerFactory.CreateLogger<BleMeterDriver>());
        await driver.RunAsync(stoppingToken);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _cursors?.Dispose();
        _gates.Dispose();
        _setup.Dispose();
    }

    /// <summary>The shared bus connection and cursor store; retried with back-off while bluetoothd's bus is not there. Null once stopping.</summary>
    private async Task<BlueZClient?> ConnectAsync(StationOptions station, ILogger logger, CancellationToken stoppingToken)
    {
        var delay = BusRetryMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _setup.WaitAsync(stoppingToken);
                try
                {
                    _cursors ??= new SqliteRacpCursorStore(bluetooth.Value.CursorPathFor(edge.Value.OutboxPath));
                    _client ??= await BlueZClient.ConnectAsync(bluetooth.Value.BusAddress, stoppingToken);
                    return _client;
                }
                finally
                {
                    _setup.Release();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var reason = $"cannot reach bluetoothd's D-Bus ({ex.Message})";
                LinkEvents.LogConnectFailed(logger, station.Name, reason);
                board.SetStation(station.Name, connected: false, lastError: reason);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, BusRetryMax.Ticks));
        }

        return null;
    }
}
