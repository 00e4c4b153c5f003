using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary>
/// Reply lines of the LifeScan OneTouch Ultra 2 (9600 8N1; host sends <c>11 0D</c> + command + <c>0D</c>). Every
/// reply ends with a space and four hex digits: the 16-bit sum of the ASCII bytes before that space (LifeScan
/// "OneTouch Ultra 2 RS-232 communication protocol"; glucometerutils otultra2). Pure; never throws.
/// </summary>
public static partial class OneTouchUltra2Parser
{
    public const string ProtocolName = "onetouch-ultra2";

    /// <summary>What the host writes for <paramref name="command"/> (e.g. <c>DMP</c> dump, <c>DM@</c> serial, <c>DMF</c> clock).</summary>
    public static byte[] Command(string command) => Encoding.ASCII.GetBytes($"\u0011\r{command}\r");

    /// <summary>Parses one reply line (without its CR/LF).</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, [NotNullWhen(true)] out OneTouchUltra2Reply? reply, [NotNullWhen(false)] out string? error)
    {
        reply = null;
        if (!TryStripChecksum(line, out var body, out error))
        {
            return false;
        }

        Match m;
        if ((m = SerialRegex().Match(body)).Success)
        {
            var serial = m.Groups[1].Value;
            if (serial[^1] != 'Y')
            {
                return Fail($"serial number {serial} does not end in Y: not a OneTouch Ultra 2", out error);
            }

            reply = new OneTouchUltra2SerialNumber(serial);
        }
        else if ((m = ClockRegex().Match(body)).Success)
        {
            if (!TryDateTime(m.Groups["date"].Value, m.Groups["time"].Value, out var at, out error))
            {
                return false;
            }

            reply = new OneTouchUltra2Clock(at);
        }
        else if ((m = HeaderRegex().Match(body)).Success)
        {
            reply = new OneTouchUltra2DumpHeader(int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture), m.Groups["serial"].Value, m.Groups["unit"].Value.Trim());
        }
        else if ((m = RecordRegex().Match(body)).Success)
        {
            return TryRecord(m, out reply, out error);
        }
        else
        {
            return Fail($"unrecognised reply '{body}'", out error);
        }

        return true;
    }

    private static bool TryRecord(Match m, out OneTouchUltra2Reply? reply, [NotNullWhen(false)] out string? error)
    {
        reply = null;
        if (m.Groups["parity"].Value == "?")
        {
            return Fail("the meter marked this record with a parity error", out error);
        }

        if (!TryDateTime(m.Groups["date"].Value, m.Groups["time"].Value, out var at, out error))
        {
            return false;
        }

        reply = new OneTouchUltra2DumpRecord
        {
            MeterLocalTime = at,
            GlucoseMgdL = int.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture),
            Meal = m.Groups["meal"].Value switch
            {
                "B" => MealContexts.Preprandial,
                "A" => MealContexts.Postprandial,
                _ => MealContexts.Unknown,
            },
            ControlSolution = m.Groups["control"].Value == "C",
            Comment = int.Parse(m.Groups["comment"].Value, CultureInfo.InvariantCulture),
        };
        return true;
    }

    /// <summary>Checks and removes <c> HHHH</c>; the sum covers every byte before the space.</summary>
    internal static bool TryStripChecksum(ReadOnlySpan<byte> line, out string body, [NotNullWhen(false)] out string? error)
    {
        body = string.Empty;
        foreach (var b in line)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return Fail($"byte 0x{b:X2} is not printable ASCII", out error);
            }
        }

        var text = Encoding.ASCII.GetString(line);
        var space = text.LastIndexOf(' ');
        if (space < 1 || text.Length - space - 1 != 4)
        {
            return Fail($"no checksum at the end of '{text}'", out error);
        }

        var hex = text[(space + 1)..];
        if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var stated) || hex.Any(char.IsLower))
        {
            return Fail($"no checksum at the end of '{text}' ('{hex}' is not four hex digits)", out error);
        }

        ushort sum = 0;
        foreach (var b in line[..space])
        {
            sum += b;
        }

        if (sum != stated)
        {
            return Fail($"checksum mismatch: line says {stated:X4}, bytes give {sum:X4}", out error);
        }

        body = text[..space];
        error = null;
        return true;
    }

    private static bool TryDateTime(string date, string time, out DateTime at, [NotNullWhen(false)] out string? error)
    {
        // MM/DD/YY; the firmware is not Y2K-aware, so years are 2000-2099.
        if (!DateTime.TryParseExact($"{date} {time}", "MM/dd/yy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return Fail($"impossible date/time '{date} {time}'", out error);
        }

        at = new DateTime(2000 + (at.Year % 100), at.Month, at.Day, at.Hour, at.Minute, at.Second, DateTimeKind.Unspecified);
        error = null;
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    [GeneratedRegex("""^@ "([0-9A-Z]{9})"$""", RegexOptions.CultureInvariant)]
    private static partial Regex SerialRegex();

    [GeneratedRegex("""^[FT] "[A-Z]{3}","(?<date>[0-9]{2}/[0-9]{2}/[0-9]{2})","(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})   "$""", RegexOptions.CultureInvariant)]
    private static partial Regex ClockRegex();

    [GeneratedRegex("""^P (?<count>[0-9]{3}),"(?<serial>[0-9A-Z]{9})","(?<unit>MG/DL |MMOL/L)"$""", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex("""^P "[A-Z]{3}","(?<date>[0-9]{2}/[0-9]{2}/[0-9]{2})","(?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})   ","(?<control>[C ]) (?<value>[0-9]{3})(?<parity>[? ])","(?<meal>[NBA])","(?<comment>0[0-9]|1[01])", 00$""", RegexOptions.CultureInvariant)]
    private static partial Regex RecordRegex();
}
