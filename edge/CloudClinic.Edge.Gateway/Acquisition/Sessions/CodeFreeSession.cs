using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;

namespace CloudClinic.Edge.Gateway.Acquisition.Sessions;

/// <summary>
/// SD CodeFree (meter-initiated binary packets, see the parser's README): the gateway waits for the meter's challenge
/// (sent when it is switched on), answers, reads the record count, then fetches the records one by one, newest first,
/// committing each before fetching the next. The protocol cannot ask for a record again: one lost to noise or a bad
/// checksum is rejected with its reason and read at the meter's next session. The meter has no clock command: no
/// drift check is possible.
/// </summary>
internal sealed class CodeFreeSession : IMeterSession
{
    private readonly CodeFreeFrameReader _reader = new();

    public bool MeterInitiated => true;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> bytes) => _reader.Feed(bytes);

    public IReadOnlyList<MeterFrame> Reset(string reason) => _reader.Reset(reason);

    public async Task ReadMemoryAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        var serial = exchange.Settings.MeterSerial
            ?? throw new InvalidDataException("no MeterSerial configured: an SD CodeFree meter does not send its serial number");

        // Waits as long as it takes: the meter speaks when a patient switches it on.
        while (true)
        {
            var (opening, raw) = await NextAsync(exchange, Timeout.InfiniteTimeSpan, cancellationToken);
            if (CodeFreeParser.IsChallenge(opening))
            {
                break;
            }

            // "Disconnected" closes the previous session; anything else outside a session is reported.
            if (!CodeFreeParser.IsDisconnected(opening))
            {
                exchange.Reject(raw.Span, "not the meter's challenge: waiting for the meter to start a session");
            }
        }

        await exchange.SendAsync(CodeFreeParser.ChallengeResponse(), cancellationToken);
        CodeFreeFrame countPacket;
        do
        {
            // The meter repeats its challenge until answered: copies already on the way are not a restart.
            (countPacket, _) = await NextAsync(exchange, exchange.Settings.ReplyTimeout, cancellationToken);
        }
        while (CodeFreeParser.IsChallenge(countPacket));

        if (!CodeFreeParser.TryDecodeCount(countPacket, out var count, out var countError))
        {
            throw new InvalidDataException(countError);
        }

        var lost = 0;
        for (var i = 0; i < count; i++)
        {
            await exchange.SendAsync(CodeFreeParser.Fetch(), cancellationToken);
            CodeFreeFrame packet;
            ReadOnlyMemory<byte> raw;
            try
            {
                (packet, raw) = await NextInSessionAsync(exchange, cancellationToken);
            }
            catch (TimeoutException) when (lost++ == 0)
            {
                // The answer was damaged (its bytes are reported as noise once the next packet starts): fetch the next.
                continue;
            }

            lost = 0;
            if (!CodeFreeParser.TryDecodeReading(packet, out var reading, out var error))
            {
                exchange.Reject(raw.Span, $"record {i}: {error}");
                continue;
            }

            await exchange.CommitAsync(reading.ToRecord(serial, exchange.OffsetAt(reading.MeterLocalTime)), reading.MeterLocalTime, raw, cancellationToken);
        }

        // One more fetch ends the session: the meter answers "disconnected" (or just switches off).
        await exchange.SendAsync(CodeFreeParser.Fetch(), cancellationToken);
        try
        {
            while (!CodeFreeParser.IsDisconnected((await NextAsync(exchange, exchange.Settings.ReplyTimeout, cancellationToken)).Packet))
            {
                // Anything before the goodbye was not asked for; NextAsync already reported damaged bytes.
            }
        }
        catch (TimeoutException)
        {
            // Switched off without saying goodbye: every record was read already.
        }
    }

    private static async Task<(CodeFreeFrame Packet, ReadOnlyMemory<byte> Raw)> NextInSessionAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        var (packet, raw) = await NextAsync(exchange, exchange.Settings.ReplyTimeout, cancellationToken);
        if (CodeFreeParser.IsDisconnected(packet))
        {
            throw new InvalidDataException("the meter left PC mode mid-session");
        }

        // A challenge mid-session: the meter was switched off and on (or swapped); its next challenge starts afresh.
        return CodeFreeParser.IsChallenge(packet) ? throw new InvalidDataException("the meter restarted mid-session") : (packet, raw);
    }

    private static async Task<(CodeFreeFrame Packet, ReadOnlyMemory<byte> Raw)> NextAsync(MeterExchange exchange, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await exchange.ReceiveAsync(timeout, cancellationToken);
            if (frame.DropReason is { } dropped)
            {
                exchange.Reject(frame, dropped);
            }
            else if (!CodeFreeParser.TryParse(frame.Bytes.Span, out var packet, out var error))
            {
                exchange.Reject(frame, error);
            }
            else
            {
                return (packet, frame.Bytes);
            }
        }
    }
}
