using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Edge.Bluetooth.Gatt;

/// <summary>
/// Current Time 0x2A2B (Current Time Service 1.1 §3.1; GATT Specification Supplement "Exact Time 256"): year u16,
/// month, day, hours, minutes, seconds, day of week (1 Monday … 7 Sunday, 0 unknown), fractions256, adjust reason.
/// Meters keep local wall-clock time without an offset. Year, month or day 0 = the clock was never set.
/// </summary>
internal static class CurrentTimeCodec
{
    public const int Size = 10;

    /// <summary>Adjust Reason bit 0, "manual time update": the gateway set it.</summary>
    private const byte ManualTimeUpdate = 0x01;

    public static byte[] Encode(DateTime local)
    {
        var dayOfWeek = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
        return
        [
            (byte)local.Year, (byte)(local.Year >> 8), (byte)local.Month, (byte)local.Day,
            (byte)local.Hour, (byte)local.Minute, (byte)local.Second, (byte)dayOfWeek,
            (byte)(local.Millisecond * 256 / 1000), ManualTimeUpdate,
        ];
    }

    /// <summary>True with null when the meter's clock is unset (year 0); false with a reason for a malformed value.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> value, out DateTime? local, [NotNullWhen(false)] out string? error)
    {
        local = null;
        error = null;
        if (value.Length < 7)
        {
            error = $"Current Time has {value.Length} bytes (want {Size})";
            return false;
        }

        int year = value[0] | (value[1] << 8), month = value[2], day = value[3], hour = value[4], minute = value[5], second = value[6];
        if (year == 0 || month == 0 || day == 0)
        {
            return true;
        }

        if (year is < 1582 or > 9999 || month > 12 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            error = $"impossible Current Time {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}";
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }
}
