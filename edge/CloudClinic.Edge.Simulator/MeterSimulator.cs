using System.Globalization;
using System.IO.Ports;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Devices.Simulation;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// Plays a meter behind a CCLP/1 adapter on a serial port (one end of a socat pty pair): one frame per reading,
/// records numbered from --start-record, times from the clock in whole seconds.
/// </summary>
internal sealed class MeterSimulator(SimulatorArguments arguments, TextWriter output, TimeProvider timeProvider)
{
    /// <summary>Time for the last bytes to drain through socat before the port closes.</summary>
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Func<long, DateTimeOffset, MeterRecord>> makers;
        if (arguments.Readings is { } script)
        {
            if (!ReadingScript.TryParse(script, arguments.Serial, out var scripted, out var error))
            {
                await Console.Error.WriteLineAsync($"error: {error}");
                return 2;
            }

            makers = scripted;
        }
        else
        {
            var generator = new PlausibleReadingGenerator(arguments.Seed);
            makers = [.. Enumerable.Range(0, arguments.Count).Select(_ => (Func<long, DateTimeOffset, MeterRecord>)((record, at) => generator.Next(arguments.Serial, record, at)))];
        }

        using var port = new SerialPort(arguments.Port, arguments.BaudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None, WriteTimeout = 5000 };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: cannot open {arguments.Port}: {ex.Message}");
            return 1;
        }

        var record = arguments.StartRecord;
        for (var i = 0; i < makers.Count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(arguments.Interval, timeProvider, cancellationToken);
            }

            var now = timeProvider.GetLocalNow();
            var measuredAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            var frame = FrameFaults.Apply(LineProtocolWriter.Encode(makers[i](record, measuredAt)), arguments.Fault);
            await port.BaseStream.WriteAsync(frame, cancellationToken);
            await port.BaseStream.FlushAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sent {record} {FrameFaults.Printable(frame)}"));
            record++;
        }

        await Task.Delay(DrainTime, timeProvider, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"done {makers.Count}"));
        return 0;
    }
}
