using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.CodeFree;

/// <summary>
/// SD Biosensor SD CodeFree (38400 8N1) as documented in glucometer-protocols (sd-biosensor/codefree.md): packets
/// <c>53 DIR LEN message XOR AA</c>, DIR <c>20</c> meter→host / <c>10</c> host→meter, LEN counting message + XOR +
/// ETX, XOR over the message. The meter starts the conversation when switched on (challenge <c>10 30</c>): the
/// driver waits for it rather than polling. Pure; never throws on device input.
/// </summary>
public static class CodeFreeParser
{
    public const string ProtocolName = "sd-codefree";
    public const byte Start = 0x53;
    public const byte End = 0xAA;
    public const byte MeterToHost = 0x20;
    public const byte HostToMeter = 0x10;

    /// <summary>The longest documented packet is the 27-byte count packet; allow headroom.</summary>
    public const int MaxFrameLength = 64;

    private const int ReadingMessageLength = 17;
    private const int CountMessageLength = 22;

    /// <summary>Host's answer to the meter's challenge.</summary>
    public static byte[] ChallengeResponse() => Encode(HostToMeter, [0x10, 0x40]);

    /// <summary>Fetch the next (older) reading; after the last one it disconnects the meter.</summary>
    public static byte[] Fetch() => Encode(HostToMeter, [0x10, 0x60]);

    /// <summary><c>ADATEyyyyMMddHHmm</c>: set the meter clock (right after the challenge; the meter keeps two-digit years).</summary>
    public static byte[] SetClock(DateTime meterLocalTime) =>
        Encode(HostToMeter, Encoding.ASCII.GetBytes("ADATE" + meterLocalTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)));

    public static byte[] Encode(byte direction, ReadOnlySpan<byte> message)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Length, MaxFrameLength - 5);
        return [Start, direction, (byte)(message.Length + 2), .. message, Xor(message), End];
    }

    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out CodeFreeFrame? frame, [NotNullWhen(false)] out string? error)
    {
        frame = null;
        if (bytes.Length < 6 || bytes[0] != Start)
        {
            return Fail("not a CodeFree packet (want 53 DIR LEN message XOR AA)", out error);
        }

        if (bytes[1] is not (MeterToHost or HostToMeter))
        {
            return Fail($"direction byte 0x{bytes[1]:X2} is neither 20 nor 10", out error);
        }

        if (bytes[2] + 3 != bytes.Length)
        {
            return Fail($"length byte says {bytes[2] + 3} bytes, packet has {bytes.Length}", out error);
        }

        if (bytes[^1] != End)
        {
            return Fail($"packet ends with 0x{bytes[^1]:X2} (want AA)", out error);
        }

        var message = bytes[3..^2];
        var xor = Xor(message);
        if (xor != bytes[^2])
        {
            return Fail($"checksum mismatch: packet says {bytes[^2]:X2}, XOR of the message gives {xor:X2}", out error);
        }

        frame = new CodeFreeFrame(bytes[1] == MeterToHost, message.ToArray());
        error = null;
        return true;
    }

    /// <summary>The meter's opening <c>10 30</c>, sent when it is switched on.</summary>
    public static bool IsChallenge(CodeFreeFrame frame) => IsMeterMessage(frame, 0x10, 0x30);

    /// <summary><c>10 70</c>: the meter left PC mode (after the last reading, or a disconnect).</summary>
    public static bool IsDisconnected(CodeFreeFrame frame) => IsMeterMessage(frame, 0x10, 0x70);

    /// <summary><c>10 10</c>: the clock was set.</summary>
    public static bool IsClockSet(CodeFreeFrame frame) => IsMeterMessage(frame, 0x10, 0x10);

    /// <summary>Count packet after the challenge: <c>30</c>, count u16 big-endian, 19 × <c>AA</c>.</summary>
    public static bool TryDecodeCount(CodeFreeFrame frame, out int count, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        count = 0;
        var m = frame.Message.Span;
        if (!frame.FromMeter || m.Length != CountMessageLength || m[0] != 0x30)
        {
            return Fail("not the meter's record-count packet", out error);
        }

        count = (m[1] << 8) | m[2];
        error = null;
        return true;
    }

    /// <summary>Reading packet: 2 unknown bytes, yy mm dd HH MM, value u16 big-endian mg/dL, meal (00/10/20), 7 unknown.</summary>
    public static bool TryDecodeReading(CodeFreeFrame frame, [NotNullWhen(true)] out CodeFreeReading? reading, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        reading = null;
        var m = frame.Message.Span;
        if (!frame.FromMeter || m.Length != ReadingMessageLength)
        {
            return Fail("not a reading packet (want a 17-byte message from the meter)", out error);
        }

        int year = 2000 + m[2], month = m[3], day = m[4], hour = m[5], minute = m[6];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return Fail($"impossible date/time {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}", out error);
        }

        string? meal = m[9] switch
        {
            0x00 => MealContexts.Unknown,
            0x10 => MealContexts.Preprandial,
            0x20 => MealContexts.Postprandial,
            _ => null,
        };
        if (meal is null)
        {
            return Fail($"meal flag 0x{m[9]:X2} is not 00, 10 or 20", out error);
        }

        reading = new CodeFreeReading
        {
            MeterLocalTime = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified),
            GlucoseMgdL = (m[7] << 8) | m[8],
            Meal = meal,
        };
        error = null;
        return true;
    }

    private static bool IsMeterMessage(CodeFreeFrame frame, byte first, byte second) =>
        frame is { FromMeter: true, Message.Length: 2 } && frame.Message.Span[0] == first && frame.Message.Span[1] == second;

    internal static byte Xor(ReadOnlySpan<byte> message)
    {
        byte x = 0;
        foreach (var b in message)
        {
            x ^= b;
        }

        return x;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
