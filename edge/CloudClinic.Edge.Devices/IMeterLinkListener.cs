namespace CloudClinic.Edge.Devices;

/// <summary>
/// Receives what a link sees. Calls are sequential and awaited: the link reads no further bytes until
/// <see cref="OnBytesAsync"/> returns, so a driver can commit a record before the next one is processed.
/// </summary>
public interface IMeterLinkListener
{
    ValueTask OnConnectedAsync(CancellationToken cancellationToken);

    /// <summary><paramref name="bytes"/> is only valid during the call.</summary>
    ValueTask OnBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken);

    /// <summary>A (re)connect attempt failed; the link retries after its back-off.</summary>
    ValueTask OnConnectFailedAsync(string reason, CancellationToken cancellationToken);
}
