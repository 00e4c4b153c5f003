using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// The GATT Date Time field (GATT Specification Supplement 3.70): year u16 (1582-9999, 0 = not known), month
/// (1-12, 0 = not known), day (1-31, 0 = not known), hours, minutes, seconds. Meters send local wall-clock time
/// with no offset; the gateway applies its own. A zero year/month/day means the meter's clock was never set: the
/// reading is kept, with the gateway's time standing in (DESIGN.md §3 <c>clockSource</c>).
/// </summary>
internal static class GattDateTime
{
    public const int Size = 7;

    /// <summary>False with a reason when the field is short or impossible; true with null when the clock is unknown.</summary>
    public static bool TryRead(ref ByteCursor cursor, out DateTime? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!cursor.TryUInt16(out var year) || !cursor.TryByte(out var month) || !cursor.TryByte(out var day)
            || !cursor.TryByte(out var hour) || !cursor.TryByte(out var minute) || !cursor.TryByte(out var second))
        {
            error = "truncated in the timestamp";
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59 || month > 12 || (year != 0 && year is < 1582 or > 9999))
        {
            error = $"impossible timestamp {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}";
            return false;
        }

        error = null;
        if (year == 0 || month == 0 || day == 0)
        {
            return true;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            error = $"impossible date {year:D4}-{month:D2}-{day:D2}";
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }
}
