using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

/// <summary>
/// Abbott FreeStyle Optium (19200 8N1), text protocol as documented in glucometer-protocols
/// (abbott/freestyle-optium.md): the <c>$xmem</c> memory dump ending in <c>0xHHHH  END</c> — the 16-bit sum of every
/// byte before the <c>0x</c>, CR LF included — and the <c>Clock:</c> line of <c>$colq</c>. Pure; never throws.
/// </summary>
public static partial class FreeStyleOptiumParser
{
    public const string ProtocolName = "freestyle-optium";

    /// <summary>Optium strip range 20-500 mg/dL: the value a HI/LO result carries.</summary>
    public const int HighMgdL = 500;
    public const int LowMgdL = 20;

    public static readonly byte[] MemoryCommand = "$xmem\r\n"u8.ToArray();
    public static readonly byte[] StatusCommand = "$colq\r\n"u8.ToArray();

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses a whole <c>$xmem</c> response, from its first CR LF to the END line.</summary>
    public static bool TryParseMemory(ReadOnlySpan<byte> response, [NotNullWhen(true)] out FreeStyleOptiumMemory? memory, [NotNullWhen(false)] out string? error)
    {
        memory = null;
        foreach (var b in response)
        {
            if (b is not ((>= 0x20 and <= 0x7E) or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return Fail($"byte 0x{b:X2} is not ASCII text (noise or wrong baud rate?)", out error);
            }
        }

        var text = Encoding.ASCII.GetString(response).TrimEnd('\r', '\n');
        var lastLineStart = text.LastIndexOf('\n') + 1;
        var end = EndRegex().Match(text[lastLineStart..]);
        if (!end.Success)
        {
            return Fail("truncated: no '0xHHHH  END' line", out error);
        }

        var stated = ushort.Parse(end.Groups["sum"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        ushort sum = 0;
        foreach (var b in response[..lastLineStart])
        {
            sum += b;
        }

        if (sum != stated)
        {
            return Fail($"checksum mismatch: END line says {stated:X4}, bytes give {sum:X4}", out error);
        }

        var lines = text[..lastLineStart].Split("\r\n").Where(l => l.Length > 0).ToArray();
        if (lines.Length < 4)
        {
            return Fail($"header has {lines.Length} of 4 lines (serial, version, clock, count)", out error);
        }

        var clock = DumpClockRegex().Match(lines[2]);
        if (!clock.Success || !TryDate(clock, hasSeconds: true, out var meterClock))
        {
            return Fail($"clock line '{lines[2]}' is not a date", out error);
        }

        if (!int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return Fail($"count line '{lines[3]}' is not a number", out error);
        }

        if (count != lines.Length - 4)
        {
            return Fail($"dump announces {count} results but holds {lines.Length - 4}", out error);
        }

        var readings = new List<FreeStyleOptiumReading>(count);
        var ketones = 0;
        foreach (var line in lines.AsSpan(4))
        {
            if (!TryResult(line, out var reading, out error))
            {
                return false;
            }

            if (reading is null)
            {
                ketones++;
            }
            else
            {
                readings.Add(reading);
            }
        }

        error = null;
        memory = new FreeStyleOptiumMemory { Serial = lines[0], SoftwareVersion = lines[1], MeterClock = meterClock, Readings = readings, KetoneResults = ketones };
        return true;
    }

    /// <summary>The <c>Clock:</c> line of <c>$colq</c>, e.g. <c>Clock:\tApr  22 2014\t02:14:37</c>.</summary>
    public static bool TryParseClockLine(ReadOnlySpan<byte> line, out DateTime meterClock, [NotNullWhen(false)] out string? error)
    {
        meterClock = default;
        var text = Encoding.ASCII.GetString(line).TrimEnd('\r', '\n');
        var m = ColqClockRegex().Match(text);
        if (!m.Success || !TryDate(m, hasSeconds: true, out meterClock))
        {
            return Fail($"'{text}' is not a Clock line", out error);
        }

        error = null;
        return true;
    }

    /// <summary>One result line; a ketone result parses to a null reading.</summary>
    private static bool TryResult(string line, out FreeStyleOptiumReading? reading, [NotNullWhen(false)] out string? error)
    {
        reading = null;
        var m = ResultRegex().Match(line);
        if (!m.Success || !TryDate(m, hasSeconds: false, out var at))
        {
            return Fail($"result line '{line}' is not 'vvv  Mon  dd yyyy HH:MM G 0x00'", out error);
        }

        error = null;
        if (m.Groups["type"].Value == "K")
        {
            return true;
        }

        var value = m.Groups["value"].Value;
        // HI is documented; LO is not (glucometer-protocols lists it as unknown) but read symmetrically, never dropped.
        reading = value switch
        {
            "HI " => new FreeStyleOptiumReading { MeterLocalTime = at, GlucoseMgdL = HighMgdL, OutOfRange = OutOfRangeMarks.High },
            "LO " => new FreeStyleOptiumReading { MeterLocalTime = at, GlucoseMgdL = LowMgdL, OutOfRange = OutOfRangeMarks.Low },
            _ => new FreeStyleOptiumReading { MeterLocalTime = at, GlucoseMgdL = int.Parse(value, CultureInfo.InvariantCulture) },
        };
        return true;
    }

    private static bool TryDate(Match m, bool hasSeconds, out DateTime at)
    {
        var month = Array.IndexOf(Months, m.Groups["month"].Value[..3]) + 1;
        var time = m.Groups["time"].Value;
        return DateTime.TryParseExact(
            $"{m.Groups["year"].Value}-{month:D2}-{m.Groups["day"].Value} {time}",
            hasSeconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out at);
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    [GeneratedRegex("^0x(?<sum>[0-9A-F]{4})  END$", RegexOptions.CultureInvariant)]
    private static partial Regex EndRegex();

    // month2: three letters and a space, except "June" and "July".
    [GeneratedRegex("^(?<month>Jan |Feb |Mar |Apr |May |June|July|Aug |Sep |Oct |Nov |Dec ) (?<day>[0-9]{2}) (?<year>[0-9]{4}) (?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DumpClockRegex();

    [GeneratedRegex("^(?<value>HI |LO |[0-9]{3})  (?<month>Jan |Feb |Mar |Apr |May |June|July|Aug |Sep |Oct |Nov |Dec ) (?<day>[0-9]{2}) (?<year>[0-9]{4}) (?<time>[0-9]{2}:[0-9]{2}) (?<type>[GK]) 0x00$", RegexOptions.CultureInvariant)]
    private static partial Regex ResultRegex();

    // month1: three letters, then two spaces.
    [GeneratedRegex("^Clock:\t(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)  (?<day>[0-9]{2}) (?<year>[0-9]{4})\t(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ColqClockRegex();
}
