using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

namespace CloudClinic.Edge.Gateway.Acquisition.Sessions;

/// <summary>
/// Abbott FreeStyle Optium (host-initiated text protocol, see the parser's README): <c>$xmem</c> returns the serial,
/// the meter's clock (checked for drift) and every result in one response whose checksum covers it all. A damaged
/// dump is rejected as a whole with its reason (nothing in it can be trusted) and read again at the next poll; a good
/// one is committed record by record.
/// </summary>
internal sealed class FreeStyleOptiumSession : IMeterSession
{
    private readonly FreeStyleOptiumFrameReader _reader = new();

    public bool MeterInitiated => false;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> bytes) => _reader.Feed(bytes);

    public IReadOnlyList<MeterFrame> Reset(string reason) => _reader.Reset(reason);

    public async Task ReadMemoryAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        await exchange.SendAsync(FreeStyleOptiumParser.MemoryCommand, cancellationToken);
        while (true)
        {
            var frame = await exchange.ReceiveAsync(cancellationToken);
            if (frame.DropReason is { } dropped)
            {
                // The rest of a dump cut by noise follows as a response of its own and fails its checksum below.
                exchange.Reject(frame, dropped);
                continue;
            }

            if (!FreeStyleOptiumParser.TryParseMemory(frame.Bytes.Span, out var memory, out var error))
            {
                exchange.Reject(frame, error);
                throw new InvalidDataException($"memory dump rejected ({error}); read again at the next poll");
            }

            exchange.CheckClock(memory.MeterClock);
            foreach (var reading in memory.Readings)
            {
                var record = reading.ToRecord(memory.Serial, exchange.OffsetAt(reading.MeterLocalTime));
                await exchange.CommitAsync(record, reading.MeterLocalTime, frame.Bytes, cancellationToken);
            }

            return;
        }
    }
}
