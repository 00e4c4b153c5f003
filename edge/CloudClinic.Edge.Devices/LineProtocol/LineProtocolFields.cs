using System.Globalization;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>Strict parsers for the CCLP/1 field types (docs/line-protocol.md §4). Invariant culture, no exponents.</summary>
internal static class LineProtocolFields
{
    public const int MaxSerialLength = 32;

    public static bool IsValidSerial(string serial)
    {
        if (serial.Length is 0 or > MaxSerialLength)
        {
            return false;
        }

        foreach (var c in serial)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>0 … 4 294 967 295 (a 32-bit meter counter), digits only.</summary>
    public static bool TryParseRecordNumber(string field, out long recordNumber)
    {
        recordNumber = 0;
        return field.Length is > 0 and <= 10
            && field.All(char.IsAsciiDigit)
            && long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out recordNumber)
            && recordNumber <= uint.MaxValue;
    }

    /// <summary>
    /// Plain decimal: 1–<paramref name="maxIntegerDigits"/> digits, optionally '.' and 1–<paramref name="maxFractionDigits"/>
    /// digits. No sign, exponent, spaces or thousands separators: a meter never sends them, noise might.
    /// </summary>
    public static bool TryParseDecimal(string field, int maxIntegerDigits, int maxFractionDigits, out double value)
    {
        value = 0;
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? field.Length : dot;
        var fractionDigits = dot < 0 ? 0 : field.Length - dot - 1;
        if (integerDigits < 1 || integerDigits > maxIntegerDigits
            || (dot >= 0 && (fractionDigits < 1 || fractionDigits > maxFractionDigits)))
        {
            return false;
        }

        for (var i = 0; i < field.Length; i++)
        {
            if (i != dot && !char.IsAsciiDigit(field[i]))
            {
                return false;
            }
        }

        return double.TryParse(field, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// <c>0</c> (meter clock unknown) or <c>yyyyMMddTHHmmss±hhmm</c> / <c>yyyyMMddTHHmm±hhmm</c> (minute resolution).
    /// </summary>
    public static bool TryParseTimestamp(string field, out DateTimeOffset? timestamp, out bool hasSeconds, out string? error)
    {
        timestamp = null;
        hasSeconds = true;
        error = null;
        if (field == "0")
        {
            return true;
        }

        hasSeconds = field.Length == 20;
        var zone = hasSeconds ? 15 : 13;
        if (field.Length is not (20 or 18) || field[8] != 'T' || field[zone] is not ('+' or '-'))
        {
            error = $"time '{field}' is not yyyyMMddTHHmmss±hhmm, yyyyMMddTHHmm±hhmm or 0";
            return false;
        }

        if (!Digits(field, 0, 4, out var year) || !Digits(field, 4, 2, out var month) || !Digits(field, 6, 2, out var day)
            || !Digits(field, 9, 2, out var hour) || !Digits(field, 11, 2, out var minute)
            || !Digits(field, zone + 1, 2, out var offsetHours) || !Digits(field, zone + 3, 2, out var offsetMinutes))
        {
            error = $"time '{field}' has a non-digit where a digit belongs";
            return false;
        }

        var second = 0;
        if (hasSeconds && !Digits(field, 13, 2, out second))
        {
            error = $"time '{field}' has a non-digit where a digit belongs";
            return false;
        }

        // Meters made for this protocol are post-2000; a year outside 2000-2099 is a reset or corrupt clock.
        if (year is < 2000 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            error = $"time '{field}' is not a real date and time (years 2000-2099)";
            return false;
        }

        // UTC offsets run from -12:00 to +14:00 (ISO 8601 / IANA tz database).
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (offsetMinutes > 59 || offset > TimeSpan.FromHours(14))
        {
            error = $"time '{field}' has an impossible UTC offset";
            return false;
        }

        timestamp = new DateTimeOffset(year, month, day, hour, minute, second, field[zone] == '-' ? -offset : offset);
        return true;
    }

    public static string FormatTimestamp(DateTimeOffset? timestamp, bool withSeconds)
    {
        if (timestamp is not { } t)
        {
            return "0";
        }

        var offset = t.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return t.ToString(withSeconds ? "yyyyMMdd'T'HHmmss" : "yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    public static string FormatDecimal(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
