using CloudClinic.Edge.Devices;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>One scanner's bytes → codes → check-ins at its station. A bad scan is logged with its reason, never a check-in.</summary>
internal sealed partial class CardScannerListener(CardScannerOptions scanner, CheckInService checkIn, ILogger logger) : IMeterLinkListener
{
    private readonly CardScanReader _reader = new();
    private string? _lastConnectFailure;

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        _lastConnectFailure = null;
        LogConnected(logger, scanner.Port, scanner.Station);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        foreach (var (code, refusal) in _reader.Feed(bytes.Span))
        {
            if (code is null)
            {
                LogBadScan(logger, scanner.Port, refusal!);
                continue;
            }

            // CheckInService logs the outcome and counts unknown cards (shown on the kiosk).
            checkIn.CheckInCard(scanner.Station, code);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        LogDisconnected(logger, scanner.Port, reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnConnectFailedAsync(string reason, CancellationToken cancellationToken)
    {
        // An unplugged scanner fails every few seconds: log each new reason once.
        if (reason != _lastConnectFailure)
        {
            _lastConnectFailure = reason;
            LogConnectFailed(logger, scanner.Port, reason);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card scanner {Port} connected (station {Station})")]
    private static partial void LogConnected(ILogger logger, string port, string station);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card scanner {Port}: bad scan ignored: {Reason}")]
    private static partial void LogBadScan(ILogger logger, string port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card scanner {Port} disconnected: {Reason}")]
    private static partial void LogDisconnected(ILogger logger, string port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card scanner {Port} unavailable: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string port, string reason);
}
