using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Simulation;

/// <summary>
/// An in-process meter behind a CCLP/1 adapter: every interval it encodes a plausible record as a frame and hands
/// the bytes to the listener, so the demo exercises the same frame reader → parser → outbox path as a real port.
/// </summary>
public sealed class SimulatedMeterLink(SimulatedMeterOptions options, TimeProvider timeProvider) : IMeterLink
{
    /// <summary>It plays a meter on a serial adapter.</summary>
    public string Transport => Transports.Serial;

    public async Task RunAsync(IMeterLinkListener listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var generator = new PlausibleReadingGenerator(options.Seed);
        var record = options.FirstRecordNumber;
        try
        {
            await listener.OnConnectedAsync(cancellationToken);
            while (options.Count is not { } count || record - options.FirstRecordNumber < count)
            {
                await Task.Delay(options.Interval, timeProvider, cancellationToken);
                var now = timeProvider.GetLocalNow();
                // Meter clocks have whole seconds.
                var measuredAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
                bool? urgent = options.UrgentEvery is { } every ? record % every == 0 : null;
                var frame = LineProtocolWriter.Encode(generator.Next(options.MeterSerial, record++, measuredAt, options.Kind, urgent));
                await listener.OnBytesAsync(frame, cancellationToken);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await listener.OnDisconnectedAsync("link stopped", CancellationToken.None);
        }
    }
}
