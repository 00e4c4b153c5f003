using System.IO.Ports;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.Serial;

/// <summary>
/// A meter on a serial port (USB-serial adapter or pty). Reads into the listener and survives unplug/replug: a
/// failed read closes the port on a background task that is abandoned if Close() hangs (runtime issue #100690,
/// PLATFORM-NOTES "Serial"), then reopens the same path with exponential back-off until the device is back.
/// </summary>
public sealed class SerialLink(SerialLinkOptions options, TimeProvider timeProvider) : IMeterLink
{
    private const int ReadBufferBytes = 512;

    public string Transport => Transports.Serial;

    public async Task RunAsync(IMeterLinkListener listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var delay = options.ReopenDelayMin;
        var buffer = new byte[ReadBufferBytes];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SerialPort port;
                try
                {
                    port = Open();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
                {
                    await listener.OnConnectFailedAsync($"cannot open {options.PortPath}: {ex.Message}", cancellationToken);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReopenDelayMax.Ticks));
                    continue;
                }

                delay = options.ReopenDelayMin;
                var writer = new SerialPortWriter(port, options.WriteTimeout, timeProvider);
                if (listener is IDuplexMeterLinkListener duplex)
                {
                    await duplex.OnConnectedAsync(writer, cancellationToken);
                }
                else
                {
                    await listener.OnConnectedAsync(cancellationToken);
                }

                var reason = await PumpAsync(port, buffer, listener, cancellationToken);
                writer.Close();
                reason += await CloseDetachedAsync(port);
                await listener.OnDisconnectedAsync(reason, CancellationToken.None);
                if (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(delay, timeProvider, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a link.
        }
    }

    private SerialPort Open()
    {
        var port = new SerialPort(options.PortPath, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = (int)options.WriteTimeout.TotalMilliseconds,
        };
        try
        {
            if (options.Dtr is { } dtr)
            {
                port.DtrEnable = dtr;
            }

            if (options.Rts is { } rts)
            {
                port.RtsEnable = rts;
            }

            port.Open();
            return port;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>Reads until the port fails or stopping is requested; returns why reading ended.</summary>
    private static async Task<string> PumpAsync(SerialPort port, byte[] buffer, IMeterLinkListener listener, CancellationToken cancellationToken)
    {
        while (true)
        {
            int count;
            try
            {
                count = await port.BaseStream.ReadAsync(buffer, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return "link stopped";
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
                // An unplugged USB adapter or a killed pty peer: a blocked read throws ObjectDisposedException or IOException.
                return $"read failed: {ex.Message}";
            }

            if (count == 0)
            {
                return "end of stream";
            }

            // Not under the read's try: a listener failure is not a link failure.
            await listener.OnBytesAsync(buffer.AsMemory(0, count), cancellationToken);
        }
    }

    /// <summary>Closes on a background task; returns a note for the disconnect reason when it had to be abandoned.</summary>
    private async Task<string> CloseDetachedAsync(SerialPort port)
    {
        var closing = Task.Run(port.Dispose);
        try
        {
            await closing.WaitAsync(options.CloseTimeout, timeProvider);
            return string.Empty;
        }
        catch (TimeoutException)
        {
            // Observe a late failure so it never surfaces as an unobserved task exception.
            _ = closing.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return $" (close did not finish within {options.CloseTimeout.TotalSeconds:0.#} s and was abandoned)";
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            return $" (close failed: {ex.Message})";
        }
    }
}
