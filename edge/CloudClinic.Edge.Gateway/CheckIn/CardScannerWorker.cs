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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task>();
        foreach (var scanner in options.Value.Scanners)
        {
            var listener = new CardScannerListener(scanner, checkIn, logger);
            var link = new SerialLink(new SerialLinkOptions { PortPath = scanner.Port, BaudRate = scanner.BaudRate }, time);
            runs.Add(link.RunAsync(listener, stoppingToken));
        }

        return Task.WhenAll(runs);
    }
}
