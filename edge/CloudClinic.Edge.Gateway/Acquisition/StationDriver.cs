using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The CCLP/1 driver of one station (DESIGN.md §5): link bytes → frame reader → parser → wire reading → outbox.
/// Each reading is committed before the next frame is looked at; the link reads nothing further meanwhile (the
/// OS buffers the port). A frame that cannot be used is counted, logged with its reason and kept with its bytes.
/// When the outbox budget is reached the reading is not committed: CCLP meters push and take no acknowledgement, so
/// the frame is counted as refused and kept as a rejected frame "outbox full" if that still fits (OutboxBudget logs
/// and raises the alarm).
/// </summary>
internal sealed partial class StationDriver(
    ReadingSource source,
    OutboxStore outbox,
    RejectedFrameStore rejectedFrames,
    GatewayStatusBoard board,
    AcquisitionCounters counters,
    TimeProvider timeProvider,
    ILogger logger,
    CancellationToken stopping) : IMeterLinkListener
{
    private static readonly TimeSpan CommitRetryMin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CommitRetryMax = TimeSpan.FromSeconds(10);
    private const string OutboxFullReason = "outbox full";
    private readonly LineProtocolFrameReader _reader = new();
    private string? _lastConnectFailure;

    private string Station => source.Station ?? "?";

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        _lastConnectFailure = null;
        LogConnected(logger, Station);
        board.SetStation(Station, connected: true, lastError: null);
        return ValueTask.CompletedTask;
    }

    public async ValueTask OnBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        foreach (var frame in _reader.Feed(bytes.Span))
        {
            await HandleAsync(frame, cancellationToken);
        }
    }

    public async ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        if (stopping.IsCancellationRequested)
        {
            LogClosed(logger, Station, reason);
        }
        else
        {
            LogDisconnected(logger, Station, reason);
        }

        foreach (var dropped in _reader.Reset("link lost"))
        {
            await HandleAsync(dropped, cancellationToken);
        }

        board.SetStation(Station, connected: false, lastError: reason);
    }

    public ValueTask OnConnectFailedAsync(string reason, CancellationToken cancellationToken)
    {
        // A meter that is switched off fails every few seconds: log each new reason once, not every retry.
        if (reason != _lastConnectFailure)
        {
            _lastConnectFailure = reason;
            LogConnectFailed(logger, Station, reason);
        }

        board.SetStation(Station, connected: false, lastError: reason);
        return ValueTask.CompletedTask;
    }

    private async Task HandleAsync(LineFrame frame, CancellationToken cancellationToken)
    {
        if (frame.DropReason is { } dropReason)
        {
            Reject(frame.Bytes.Span, dropReason);
            return;
        }

        if (!LineProtocolParser.TryParse(frame.Bytes.Span, out var record, out var error))
        {
            Reject(frame.Bytes.Span, error);
            return;
        }

        var reading = ReadingMapper.Map(record, source, timeProvider.GetUtcNow());
        switch (await CommitAsync(reading, cancellationToken))
        {
            case OutboxAddResult.Added:
                counters.Committed();
                LogCommitted(logger, Station, reading.ReadingId, reading.Kind);
                break;
            case OutboxAddResult.Duplicate:
                counters.Duplicate();
                LogDuplicate(logger, Station, reading.ReadingId);
                break;
            default:
                counters.Refused();
                LogRefused(logger, Station, reading.ReadingId);
                Keep(frame.Bytes.Span, OutboxFullReason);
                break;
        }
    }

    /// <summary>Retries until the row is on disk: dropping a parsed reading because the disk hiccuped is not an option.</summary>
    private async Task<OutboxAddResult> CommitAsync(Contracts.ReadingMessage reading, CancellationToken cancellationToken)
    {
        var delay = CommitRetryMin;
        while (true)
        {
            try
            {
                return outbox.TryAdd(reading);
            }
            catch (SqliteException ex)
            {
                LogCommitFailed(logger, ex, Station, reading.ReadingId, delay.TotalSeconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, CommitRetryMax.Ticks));
            }
        }
    }

    private void Reject(ReadOnlySpan<byte> raw, string reason)
    {
        counters.Rejected();
        LogRejected(logger, Station, reason, Convert.ToHexString(raw[..Math.Min(raw.Length, 48)]));
        Keep(raw, reason);
    }

    private void Keep(ReadOnlySpan<byte> raw, string reason)
    {
        try
        {
            if (!rejectedFrames.Add(Station, reason, raw))
            {
                counters.RejectedNotKept();
                LogRejectedOverBudget(logger, Station, reason);
            }
        }
        catch (SqliteException ex)
        {
            LogRejectedNotKept(logger, ex, Station);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: meter link connected")]
    private static partial void LogConnected(ILogger logger, string station);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: meter link lost ({Reason}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: meter link closed ({Reason})")]
    private static partial void LogClosed(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: {Reason}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: committed {Kind} reading {ReadingId} to the outbox")]
    private static partial void LogCommitted(ILogger logger, string station, string readingId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: reading {ReadingId} is already in the outbox (read twice); kept once")]
    private static partial void LogDuplicate(ILogger logger, string station, string readingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: frame rejected: {Reason} (bytes {RawHex})")]
    private static partial void LogRejected(ILogger logger, string station, string reason, string rawHex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Station {Station}: reading {ReadingId} refused: outbox full (the outbox logs a rate-limited warning)")]
    private static partial void LogRefused(ILogger logger, string station, string readingId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Station {Station}: rejected frame ({Reason}) counted but not kept: outbox budget reached")]
    private static partial void LogRejectedOverBudget(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Station {Station}: could not keep a rejected frame in the outbox database")]
    private static partial void LogRejectedNotKept(ILogger logger, Exception exception, string station);

    [LoggerMessage(Level = LogLevel.Error, Message = "Station {Station}: could not commit reading {ReadingId}; retrying in {DelaySeconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string station, string readingId, double delaySeconds);
}
