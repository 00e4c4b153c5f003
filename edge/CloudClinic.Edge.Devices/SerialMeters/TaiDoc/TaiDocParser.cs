using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

/// <summary>
/// TaiDoc TD-42xx (TD-4277, TD-4235B; GlucoRx Nexus, GlucoMen Nexus…; 19200 8N1) as documented in glucometer-protocols
/// (taidoc/td42xx.md): 8-byte frames <c>51 CMD d0 d1 d2 d3 DIR CK</c>, DIR <c>A3</c> host→meter / <c>A5</c>
/// meter→host, CK = low byte of the sum of the first seven. Pure; never throws on device input.
/// </summary>
public static class TaiDocParser
{
    public const string ProtocolName = "taidoc-td42xx";
    public const int FrameLength = 8;
    public const byte Start = 0x51;
    public const byte HostToMeter = 0xA3;
    public const byte MeterToHost = 0xA5;

    public const byte Connect = 0x22;
    public const byte ReadClock = 0x23;
    public const byte ReadModel = 0x24;
    public const byte ReadRecordTime = 0x25;
    public const byte ReadRecordValue = 0x26;
    public const byte ReadRecordCount = 0x2B;

    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out TaiDocFrame? frame, [NotNullWhen(false)] out string? error)
    {
        frame = null;
        if (bytes.Length != FrameLength)
        {
            return Fail($"frame has {bytes.Length} bytes (want {FrameLength})", out error);
        }

        if (bytes[0] != Start)
        {
            return Fail($"frame starts with 0x{bytes[0]:X2} (want 0x51)", out error);
        }

        if (bytes[6] is not (HostToMeter or MeterToHost))
        {
            return Fail($"direction byte 0x{bytes[6]:X2} is neither A3 nor A5", out error);
        }

        var sum = Checksum(bytes[..7]);
        if (sum != bytes[7])
        {
            return Fail($"checksum mismatch: frame says {bytes[7]:X2}, bytes give {sum:X2}", out error);
        }

        frame = new TaiDocFrame(bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] == MeterToHost);
        error = null;
        return true;
    }

    /// <summary>A host→meter request: command, optional 16-bit argument (a record index), checksum.</summary>
    public static byte[] Request(byte command, ushort argument = 0)
    {
        byte[] frame = [Start, command, (byte)argument, (byte)(argument >> 8), 0, 0, HostToMeter, 0];
        frame[7] = Checksum(frame.AsSpan(0, 7));
        return frame;
    }

    /// <summary>Answer to 0x23 (clock) or 0x25 (record time): day word year-2000 (7 bits) | month (4) | day (5), minute, hour.</summary>
    public static bool TryDecodeDateTime(TaiDocFrame frame, out DateTime at, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        at = default;
        if (!IsAnswer(frame, ReadClock, out error) && !IsAnswer(frame, ReadRecordTime, out error))
        {
            return false;
        }

        var word = frame.Word;
        int year = 2000 + (word >> 9), month = (word >> 5) & 0x0F, day = word & 0x1F, minute = frame.D2, hour = frame.D3;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return Fail($"impossible date/time {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}", out error);
        }

        at = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Answer to 0x26: value u16 mg/dL, an unknown byte, meal flag (00 none, 40 before, 80 after).</summary>
    public static bool TryDecodeValue(TaiDocFrame frame, out int mgdL, out string meal, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        mgdL = frame.Word;
        meal = MealContexts.Unknown;
        if (!IsAnswer(frame, ReadRecordValue, out error))
        {
            return false;
        }

        switch (frame.D3)
        {
            case 0x00:
                return true;
            case 0x40:
                meal = MealContexts.Preprandial;
                return true;
            case 0x80:
                meal = MealContexts.Postprandial;
                return true;
            default:
                return Fail($"meal flag 0x{frame.D3:X2} is not 00, 40 or 80", out error);
        }
    }

    /// <summary>Answer to 0x2B: the record count (u16).</summary>
    public static bool TryDecodeCount(TaiDocFrame frame, out int count, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        count = frame.Word;
        return IsAnswer(frame, ReadRecordCount, out error);
    }

    /// <summary>Answer to 0x24: the model number as BCD, e.g. <c>77 42</c> → "4277".</summary>
    public static bool TryDecodeModel(TaiDocFrame frame, out string model, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        model = frame.Word.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return IsAnswer(frame, ReadModel, out error);
    }

    /// <summary>The meter accepts the connection with command 0x22, 0x24 or 0x54.</summary>
    public static bool IsConnectAnswer(TaiDocFrame frame) => frame is { FromMeter: true, Command: 0x22 or 0x24 or 0x54 };

    internal static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return sum;
    }

    private static bool IsAnswer(TaiDocFrame frame, byte command, [NotNullWhen(false)] out string? error)
    {
        if (!frame.FromMeter || frame.Command != command)
        {
            return Fail($"frame {frame.Command:X2}/{(frame.FromMeter ? "A5" : "A3")} is not the meter's answer to 0x{command:X2}", out error);
        }

        error = null;
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
