using System.Threading.Channels;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>"Status may have changed" — many signals between two publishes collapse into one.</summary>
internal sealed class StatusSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private volatile bool _forced;

    /// <summary>True when the last signal asked to skip the rate limit (a request-status command, a new connection).</summary>
    public bool Forced => _forced;

    public void Set(bool force = false)
    {
        if (force)
        {
            _forced = true;
        }

        _channel.Writer.TryWrite(true);
    }

    /// <summary>True when signalled, false when <paramref name="timeout"/> passed first (heartbeat).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        _channel.Reader.TryRead(out _);
        return true;
    }

    public void ClearForced() => _forced = false;
}
