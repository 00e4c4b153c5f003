using System.IO.Ports;

namespace CloudClinic.Edge.Devices.Serial;

/// <summary>
/// Writes to one open connection of a <see cref="SerialLink"/>. A write to an unplugged port can block until its
/// timeout and beyond (PLATFORM-NOTES "Serial"), so each write is awaited with a timeout and abandoned after it.
/// </summary>
internal sealed class SerialPortWriter(SerialPort port, TimeSpan writeTimeout, TimeProvider timeProvider) : IMeterLinkWriter
{
    private volatile bool _closed;

    public void Close() => _closed = true;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw new IOException("the serial connection is closed");
        }

        Task writing;
        try
        {
            writing = WriteAndFlushAsync(bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            throw new IOException($"write failed: {ex.Message}", ex);
        }

        try
        {
            await writing.WaitAsync(writeTimeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            _ = writing.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw new IOException($"write did not finish within {writeTimeout.TotalSeconds:0.#} s (meter unplugged?)");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw new IOException($"write failed: {ex.Message}", ex);
        }
    }

    private async Task WriteAndFlushAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var stream = port.BaseStream;
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
