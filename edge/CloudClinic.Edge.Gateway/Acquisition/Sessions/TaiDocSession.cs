using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Gateway.Acquisition.Sessions;

/// <summary>
/// TaiDoc TD-42xx (host-initiated 8-byte frames, see the parser's README): connect, model, clock (checked for
/// drift), record count, then per record index (0 = newest) its time and its value — committed before the next index
/// is asked for. An answer lost to noise or a bad checksum is asked for again (<see cref="Attempts"/> times).
/// </summary>
internal sealed class TaiDocSession : IMeterSession
{
    /// <summary>Requests per answer before the meter counts as silent.</summary>
    public const int Attempts = 3;

    private readonly TaiDocFrameReader _reader = new();

    public bool MeterInitiated => false;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> bytes) => _reader.Feed(bytes);

    public IReadOnlyList<MeterFrame> Reset(string reason) => _reader.Reset(reason);

    public async Task ReadMemoryAsync(MeterExchange exchange, CancellationToken cancellationToken)
    {
        var serial = exchange.Settings.MeterSerial
            ?? throw new InvalidDataException("no MeterSerial configured: a TaiDoc meter does not send its serial number");
        var connect = await AskAsync(exchange, TaiDocParser.Connect, 0, cancellationToken);
        if (!TaiDocParser.IsConnectAnswer(connect.Frame))
        {
            throw new InvalidDataException($"connect answered with command 0x{connect.Frame.Command:X2}");
        }

        var modelAnswer = await AskAsync(exchange, TaiDocParser.ReadModel, 0, cancellationToken);
        var model = TaiDocParser.TryDecodeModel(modelAnswer.Frame, out var number, out _) ? $"TaiDoc TD-{number}" : null;

        var clockAnswer = await AskAsync(exchange, TaiDocParser.ReadClock, 0, cancellationToken);
        if (TaiDocParser.TryDecodeDateTime(clockAnswer.Frame, out var meterNow, out var clockError))
        {
            exchange.CheckClock(meterNow);
        }
        else
        {
            exchange.Reject(clockAnswer.Raw.Span, clockError);
        }

        var countAnswer = await AskAsync(exchange, TaiDocParser.ReadRecordCount, 0, cancellationToken);
        if (!TaiDocParser.TryDecodeCount(countAnswer.Frame, out var count, out var countError))
        {
            throw new InvalidDataException(countError);
        }

        for (var index = 0; index < count; index++)
        {
            var time = await AskAsync(exchange, TaiDocParser.ReadRecordTime, (ushort)index, cancellationToken);
            var value = await AskAsync(exchange, TaiDocParser.ReadRecordValue, (ushort)index, cancellationToken);
            if (!TaiDocParser.TryDecodeDateTime(time.Frame, out var at, out var error))
            {
                exchange.Reject(time.Raw.Span, $"record {index}: {error}");
                continue;
            }

            if (!TaiDocParser.TryDecodeValue(value.Frame, out var mgdL, out var meal, out error))
            {
                exchange.Reject(value.Raw.Span, $"record {index}: {error}");
                continue;
            }

            var reading = new TaiDocReading { Index = index, MeterLocalTime = at, GlucoseMgdL = mgdL, Meal = meal };
            await exchange.CommitAsync(reading.ToRecord(serial, exchange.OffsetAt(at)), at, (byte[])[.. time.Raw.Span, .. value.Raw.Span], cancellationToken, model);
        }
    }

    private static async Task<(TaiDocFrame Frame, ReadOnlyMemory<byte> Raw)> AskAsync(MeterExchange exchange, byte command, ushort argument, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await exchange.SendAsync(TaiDocParser.Request(command, argument), cancellationToken);
            try
            {
                while (true)
                {
                    var frame = await exchange.ReceiveAsync(cancellationToken);
                    if (frame.DropReason is { } dropped)
                    {
                        exchange.Reject(frame, dropped);
                    }
                    else if (!TaiDocParser.TryParse(frame.Bytes.Span, out var parsed, out var error))
                    {
                        exchange.Reject(frame, error);
                    }
                    else if (parsed.FromMeter && (parsed.Command == command || (command == TaiDocParser.Connect && TaiDocParser.IsConnectAnswer(parsed))))
                    {
                        return (parsed, frame.Bytes);
                    }
                    else
                    {
                        exchange.Reject(frame, $"unexpected frame 0x{parsed.Command:X2} while waiting for the answer to 0x{command:X2}");
                    }
                }
            }
            catch (TimeoutException) when (attempt < Attempts)
            {
                // Asked again: the answer was lost (noise, a bad checksum, a cut frame).
            }
        }
    }
}
