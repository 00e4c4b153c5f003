using CloudClinic.Edge.Devices.Serial;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>Runs every configured card scanner (<c>Edge:CheckIn:Scanners</c>) on its serial link until the host stops.</summary>
internal sealed class CardScannerWorker(
    IOptions<CheckInOptions> options,
    CheckInService checkIn,
    TimeProvider time,
    ILogger<CardScannerWorker> logger) : BackgroundService
{
    private readonly List<CardScannerListener> _listeners = [];

    /// <summary>The scanners' latest outcomes by station, for the local page.</summary>
    public IReadOnlyDictionary<string, CheckInOutcome> LastOutcomes =>
        _listeners.Select((l, i) => (Station: options.Value.Scanners[i].Station, l.LastOutcome))
            .Where(x => x.LastOutcome is not null)
            .GroupBy(x => x.Station)
            .ToDictionary(g => g.Key, g => g.Last().LastOutcome!);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task>();
        foreach (var scanner in options.Value.Scanners)
        {
            var listener = new CardScannerListener(scanner, checkIn, logger);
            _listeners.Add(listener);
            var link = new SerialLink(new SerialLinkOptions { PortPath = scanner.Port, BaudRate = scanner.BaudRate }, time);
            runs.Add(link.RunAsync(listener, stoppingToken));
        }

        return Task.WhenAll(runs);
    }
}
