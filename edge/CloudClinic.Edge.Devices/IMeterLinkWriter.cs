namespace CloudClinic.Edge.Devices;

/// <summary>Sends bytes to the meter on the current connection (host-initiated protocols: commands, acknowledgements).</summary>
public interface IMeterLinkWriter
{
    /// <summary>Writes and flushes; throws <see cref="IOException"/> when the connection is gone or the write times out.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
