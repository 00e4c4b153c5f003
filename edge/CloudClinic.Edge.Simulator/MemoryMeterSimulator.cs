using System.Globalization;
using System.IO.Ports;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// Plays a serial glucose meter with a stored memory (--meter, --memory) on one end of a pty: it answers the host's
/// commands like the real meter (or, for SD CodeFree, starts the conversation). Prints <c>ready</c> once the port is
/// open, <c>dump n records</c> after each complete transfer, <c>unplugged after k record(s)</c> and exits with 3
/// when --fault unplug pulls the cable mid-transfer.
/// </summary>
internal sealed class MemoryMeterSimulator(SimulatorArguments arguments, TextWriter output, TimeProvider timeProvider)
{
    public const int UnpluggedExitCode = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var serialPort = new SerialPort(arguments.Port, arguments.BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, WriteTimeout = 5000 };
        try
        {
            serialPort.Open();
            // Requests the gateway sent while no meter was attached are not for this meter.
            serialPort.DiscardInBuffer();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: cannot open {arguments.Port}: {ex.Message}");
            return 1;
        }

        var withSeconds = arguments.Meter == OneTouchUltra2Parser.ProtocolName;
        var newest = arguments.Newest ?? DefaultNewest();
        var memory = MeterMemory.Generate(arguments.Memory, arguments.Seed, newest, withSeconds);
        var port = new MeterPort(serialPort.BaseStream, output, arguments, memory, timeProvider);
        await port.ReportAsync(string.Create(CultureInfo.InvariantCulture, $"ready {arguments.Meter} {memory.Count}"));
        try
        {
            await (arguments.Meter switch
            {
                OneTouchUltra2Parser.ProtocolName => new OneTouchUltra2Meter(port).RunAsync(cancellationToken),
                FreeStyleOptiumParser.ProtocolName => new FreeStyleOptiumMeter(port).RunAsync(cancellationToken),
                TaiDocParser.ProtocolName => new TaiDocMeter(port).RunAsync(cancellationToken),
                CodeFreeParser.ProtocolName => new CodeFreeMeter(port).RunAsync(cancellationToken),
                _ => throw new InvalidOperationException($"no simulated meter '{arguments.Meter}'"),
            });
        }
        catch (MeterUnpluggedException ex)
        {
            // Pulling the cable: the port goes away mid-transfer, nothing more is sent.
            serialPort.Close();
            await port.ReportAsync(ex.Message);
            // Linger so a parent reading the report asynchronously sees it before it sees the exit.
            await Task.Delay(TimeSpan.FromMilliseconds(500), timeProvider, CancellationToken.None);
            return UnpluggedExitCode;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"error: port lost: {ex.Message}");
            return 1;
        }

        // Time for the last bytes to drain through socat before the port closes.
        await Task.Delay(TimeSpan.FromMilliseconds(500), timeProvider, cancellationToken);
        await port.ReportAsync("done");
        return 0;
    }

    /// <summary>The start of the current hour on the meter's clock: stable across restarts within the hour.</summary>
    private DateTime DefaultNewest()
    {
        var local = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), arguments.TimeZone).DateTime;
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
    }
}
