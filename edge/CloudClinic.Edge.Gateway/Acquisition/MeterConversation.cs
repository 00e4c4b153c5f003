using System.Threading.Channels;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The request/response driver of one station (DESIGN.md §5): link bytes → the session's frame reader → a queue the
/// session reads from while it talks to the meter. On each connection it reads the meter's memory, then again every
/// poll interval (host-initiated meters) or each time the meter speaks up (meter-initiated ones). Records are
/// committed one by one before the next is requested; a memory read twice gives the same readingIds, so the outbox
/// keeps one row each. Unplugging stops the conversation; the link reconnects and the next read starts over.
/// </summary>
internal sealed partial class MeterConversation(
    IMeterSession session,
    MeterStationSettings settings,
    ReadingCommitter committer,
    GatewayStatusBoard board,
    AcquisitionCounters counters,
    TimeProvider timeProvider,
    ILogger logger,
    CancellationToken stopping) : IDuplexMeterLinkListener
{
    private Channel<MeterFrame> _frames = Channel.CreateUnbounded<MeterFrame>();
    private CancellationTokenSource? _connection;
    private Task _conversation = Task.CompletedTask;
    private long _bytesSeen;
    private string? _lastConnectFailure;
    private string? _lastProblem;

    private string Station => committer.Station;

    public ValueTask OnConnectedAsync(IMeterLinkWriter writer, CancellationToken cancellationToken)
    {
        _lastConnectFailure = null;
        _lastProblem = null;
        LinkEvents.LogConnected(logger, Station);
        board.SetStation(Station, connected: true, lastError: null);
        _frames = Channel.CreateUnbounded<MeterFrame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exchange = new MeterExchange(writer, _frames.Reader, () => Interlocked.Read(ref _bytesSeen), settings, committer, timeProvider);
        var token = _connection.Token;
        _conversation = Task.Run(() => ConverseAsync(exchange, token), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        // Only a link that cannot write calls this: a request/response meter cannot be read over it.
        board.SetStation(Station, connected: true, lastError: "this link cannot send requests to the meter");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _bytesSeen, bytes.Length);
        foreach (var frame in session.Feed(bytes.Span))
        {
            _frames.Writer.TryWrite(frame);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        LinkEvents.LogDisconnected(logger, Station, reason, stopping.IsCancellationRequested);
        _frames.Writer.TryComplete();
        if (_connection is { } connection)
        {
            await connection.CancelAsync();
            await _conversation;
            connection.Dispose();
            _connection = null;
        }

        // Whatever the session had not taken, and the reader's partial frame, is reported, never silently dropped.
        while (_frames.Reader.TryRead(out var frame))
        {
            committer.Reject(frame.Bytes.Span, frame.DropReason ?? $"frame received as the link was lost: {reason}");
        }

        foreach (var dropped in session.Reset("link lost"))
        {
            committer.Reject(dropped.Bytes.Span, dropped.DropReason ?? "link lost");
        }

        board.SetStation(Station, connected: false, lastError: reason);
    }

    public ValueTask OnConnectFailedAsync(string reason, CancellationToken cancellationToken)
    {
        if (reason != _lastConnectFailure)
        {
            _lastConnectFailure = reason;
            LinkEvents.LogConnectFailed(logger, Station, reason);
        }

        board.SetStation(Station, connected: false, lastError: reason);
        return ValueTask.CompletedTask;
    }

    private async Task ConverseAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!session.MeterInitiated)
                {
                    // Late answers to an earlier request must not pass for answers to the next one. A meter that
                    // speaks first is the session's to sort out: its repeated opening is not a stray frame.
                    exchange.DiscardPending();
                }

                var succeeded = await ReadOnceAsync(exchange, cancellationToken);
                // A polled meter is asked again after the interval; a meter that speaks first is waited for at once,
                // unless its conversation just failed (then a short pause keeps a repeating fault from spinning).
                var pause = !session.MeterInitiated ? settings.PollInterval : succeeded ? TimeSpan.Zero : settings.ReplyTimeout;
                await Task.Delay(pause, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The link went away or the gateway is stopping.
        }
    }

    /// <summary>One read of the meter's memory; false when it did not complete.</summary>
    private async Task<bool> ReadOnceAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        var (added, duplicates, rejected) = (exchange.Added, exchange.Duplicates, exchange.Rejected);
        try
        {
            await session.ReadMemoryAsync(exchange, cancellationToken);
            LogMemoryRead(logger, Station, exchange.Added - added, exchange.Duplicates - duplicates, exchange.Rejected - rejected);
            // Status first: whoever waits for the read to count then sees its clock verdict.
            Report(exchange.Clock?.Note);
            counters.MemoryRead();
            return true;
        }
        catch (TimeoutException ex)
        {
            Report($"meter not answering: {ex.Message}");
            return false;
        }
        catch (InvalidDataException ex)
        {
            Report($"meter read failed: {ex.Message}");
            return false;
        }
        catch (IOException ex)
        {
            // A failed write: the port is going away; the link reports the disconnect and reconnects.
            Report($"cannot talk to the meter: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug must not end the conversation for good: report it and poll again.
            LogConversationFailed(logger, ex, Station);
            Report($"driver error: {ex.Message}");
            return false;
        }
    }

    private void Report(string? problem)
    {
        if (problem is not null && problem != _lastProblem)
        {
            LogProblem(logger, Station, problem);
        }

        _lastProblem = problem;
        board.SetStation(Station, connected: true, lastError: problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: meter memory read: {Added} new, {Duplicates} already stored, {Rejected} rejected frame(s)")]
    private static partial void LogMemoryRead(ILogger logger, string station, int added, int duplicates, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string station, string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Station {Station}: meter conversation failed; polling again")]
    private static partial void LogConversationFailed(ILogger logger, Exception exception, string station);
}
