using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The CCLP/1 driver of one station (DESIGN.md §5): the meter pushes lines; link bytes → frame reader → parser →
/// <see cref="ReadingCommitter"/>. Each reading is committed before the next frame is looked at; the link reads
/// nothing further meanwhile (the OS buffers the port). CCLP meters take no acknowledgement, so a reading the full
/// outbox refuses is kept as a rejected frame "outbox full" (the committer does that).
/// </summary>
internal sealed partial class CclpDriver(
    ReadingCommitter committer,
    GatewayStatusBoard board,
    ILogger logger,
    CancellationToken stopping) : IMeterLinkListener
{
    private readonly LineProtocolFrameReader _reader = new();
    private string? _lastConnectFailure;

    private string Station => committer.Station;

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        _lastConnectFailure = null;
        LinkEvents.LogConnected(logger, Station);
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
        LinkEvents.LogDisconnected(logger, Station, reason, stopping.IsCancellationRequested);
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
            LinkEvents.LogConnectFailed(logger, Station, reason);
        }

        board.SetStation(Station, connected: false, lastError: reason);
        return ValueTask.CompletedTask;
    }

    private async Task HandleAsync(LineFrame frame, CancellationToken cancellationToken)
    {
        if (frame.DropReason is { } dropReason)
        {
            committer.Reject(frame.Bytes.Span, dropReason);
            return;
        }

        if (!LineProtocolParser.TryParse(frame.Bytes.Span, out var record, out var error))
        {
            committer.Reject(frame.Bytes.Span, error);
            return;
        }

        await committer.CommitAsync(record, frame.Bytes, cancellationToken);
    }
}
