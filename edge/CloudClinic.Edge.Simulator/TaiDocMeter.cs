using System.Globalization;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// A TaiDoc TD-4277 answering 8-byte requests (connect, model, clock, record count, record time, record value) like
/// the real meter (glucometer-protocols taidoc/td42xx.md). The fault hits record --fault-record's value answer once.
/// </summary>
internal sealed class TaiDocMeter(MeterPort port)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var reader = new TaiDocFrameReader();
        var dumps = 0;
        while (port.Arguments.Sessions == 0 || dumps < port.Arguments.Sessions)
        {
            var count = await port.ReadAsync(buffer, cancellationToken);
            if (count == 0)
            {
                return;
            }

            foreach (var frame in reader.Feed(buffer.AsSpan(0, count)))
            {
                if (frame.IsDropped || !TaiDocParser.TryParse(frame.Bytes.Span, out var request, out _) || request.FromMeter)
                {
                    continue;
                }

                var index = request.Word;
                var fault = FrameFault.None;
                byte[] answer;
                switch (request.Command)
                {
                    case TaiDocParser.Connect:
                        answer = Answer(0x54, 0, 0, 0, 0);
                        break;
                    case TaiDocParser.ReadModel:
                        answer = Answer(TaiDocParser.ReadModel, 0x77, 0x42, 0, 0);
                        break;
                    case TaiDocParser.ReadClock:
                        answer = DateAnswer(TaiDocParser.ReadClock, port.MeterNow());
                        break;
                    case TaiDocParser.ReadRecordCount:
                        answer = Answer(TaiDocParser.ReadRecordCount, (byte)port.Memory.Count, (byte)(port.Memory.Count >> 8), 0, 0);
                        break;
                    case TaiDocParser.ReadRecordTime when index < port.Memory.Count:
                        answer = DateAnswer(TaiDocParser.ReadRecordTime, port.Memory[index].MeterLocalTime);
                        break;
                    case TaiDocParser.ReadRecordValue when index < port.Memory.Count:
                        fault = port.FaultFor(index);
                        answer = ValueAnswer(port.Memory[index]);
                        break;
                    default:
                        continue;
                }

                await port.SendAsync(MeterPort.Damage(answer, fault, checksumIndex: 7), cancellationToken);
                if (request.Command == TaiDocParser.ReadRecordValue && index == port.Memory.Count - 1 && fault == FrameFault.None)
                {
                    await port.ReportDumpAsync(++dumps, port.Memory.Count);
                }
            }
        }

        await port.ReportAsync(string.Create(CultureInfo.InvariantCulture, $"served {dumps}"));
    }

    private static byte[] ValueAnswer(StoredResult result)
    {
        byte meal = result.Meal switch
        {
            MealContexts.Preprandial => 0x40,
            MealContexts.Postprandial => 0x80,
            _ => 0x00,
        };
        return Answer(TaiDocParser.ReadRecordValue, (byte)result.GlucoseMgdL, (byte)(result.GlucoseMgdL >> 8), 0, meal);
    }

    /// <summary>Day word: year-2000 (7 bits) | month (4) | day (5), little-endian; then minute, then hour.</summary>
    private static byte[] DateAnswer(byte command, DateTime at)
    {
        var word = ((at.Year - 2000) << 9) | (at.Month << 5) | at.Day;
        return Answer(command, (byte)word, (byte)(word >> 8), (byte)at.Minute, (byte)at.Hour);
    }

    private static byte[] Answer(byte command, byte d0, byte d1, byte d2, byte d3)
    {
        byte[] frame = [TaiDocParser.Start, command, d0, d1, d2, d3, TaiDocParser.MeterToHost, 0];
        byte sum = 0;
        foreach (var b in frame.AsSpan(0, 7))
        {
            sum += b;
        }

        frame[7] = sum;
        return frame;
    }
}
