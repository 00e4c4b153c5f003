using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

namespace CloudClinic.Edge.Gateway.Acquisition.Sessions;

/// <summary>
/// LifeScan OneTouch Ultra 2 (host-initiated text protocol, see the parser's README): <c>DM@</c> serial, <c>DMF</c>
/// clock (checked for drift), then <c>DMP</c> — a header announcing n records and n record lines, newest first, each
/// committed before the next line is looked at. A damaged line is rejected with its reason and the dump goes on: the
/// record comes back on the next poll, and its readingId (meter time) makes the re-read harmless.
/// </summary>
internal sealed class OneTouchUltra2Session : IMeterSession
{
    private readonly AsciiLineReader _reader = new();

    public bool MeterInitiated => false;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> bytes) => _reader.Feed(bytes);

    public IReadOnlyList<MeterFrame> Reset(string reason) => _reader.Reset(reason);

    public async Task ReadMemoryAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        var serial = await AskAsync<OneTouchUltra2SerialNumber>(exchange, "DM@", cancellationToken);
        var clock = await AskAsync<OneTouchUltra2Clock>(exchange, "DMF", cancellationToken);
        exchange.CheckClock(clock.MeterLocalTime);

        var header = await AskAsync<OneTouchUltra2DumpHeader>(exchange, "DMP", cancellationToken);
        if (header.Serial != serial.Serial)
        {
            throw new InvalidDataException($"dump header serial {header.Serial} differs from the meter's {serial.Serial}");
        }

        // One line per record follows. Dropped bytes (noise, a cut line) are not lines: only whole lines count.
        for (var lines = 0; lines < header.Count;)
        {
            var frame = await exchange.ReceiveAsync(cancellationToken);
            if (frame.DropReason is { } dropped)
            {
                exchange.Reject(frame, dropped);
                continue;
            }

            lines++;
            if (!OneTouchUltra2Parser.TryParse(frame.Bytes.Span, out var reply, out var error))
            {
                exchange.Reject(frame, error);
            }
            else if (reply is OneTouchUltra2DumpRecord record)
            {
                var stored = record.ToRecord(header.Serial, exchange.OffsetAt(record.MeterLocalTime));
                await exchange.CommitAsync(stored, record.MeterLocalTime, frame.Bytes, cancellationToken);
            }
            else
            {
                exchange.Reject(frame, $"expected a dump record, got {reply.GetType().Name}");
            }
        }
    }

    /// <summary>Sends a command and waits for its reply, rejecting (with reasons) anything else that arrives meanwhile.</summary>
    private static async Task<T> AskAsync<T>(MeterExchange exchange, string command, CancellationToken cancellationToken)
        where T : OneTouchUltra2Reply
    {
        await exchange.SendAsync(OneTouchUltra2Parser.Command(command), cancellationToken);
        while (true)
        {
            var frame = await exchange.ReceiveAsync(cancellationToken);
            if (frame.DropReason is { } dropped)
            {
                exchange.Reject(frame, dropped);
            }
            else if (!OneTouchUltra2Parser.TryParse(frame.Bytes.Span, out var reply, out var error))
            {
                exchange.Reject(frame, error);
            }
            else if (reply is T answer)
            {
                return answer;
            }
            else
            {
                exchange.Reject(frame, $"unexpected {reply.GetType().Name} while waiting for the answer to {command}");
            }
        }
    }
}
