using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>
/// Parses one CCLP/1 frame (docs/line-protocol.md). Pure; never throws on device input: anything that is not a
/// well-formed, checksummed, physiologically possible record is rejected with a reason a person can act on.
/// </summary>
public static class LineProtocolParser
{
    /// <summary>The protocol name on the wire (<c>device.protocol</c>) and in configuration.</summary>
    public const string ProtocolName = "cclp1";

    internal const string BloodPressureSentence = "CCBP";
    internal const string GlucoseSentence = "CCGL";

    /// <summary>Parses <c>$…*HH</c>, with or without the trailing CR LF.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, [NotNullWhen(true)] out MeterRecord? record, [NotNullWhen(false)] out string? error)
    {
        record = null;
        while (frame.Length > 0 && frame[^1] is (byte)'\r' or (byte)'\n')
        {
            frame = frame[..^1];
        }

        if (!TryCheckFrame(frame, out var fields, out error))
        {
            return false;
        }

        return fields[0] switch
        {
            BloodPressureSentence => BloodPressureFields.TryParse(fields, out record, out error),
            GlucoseSentence => GlucoseFields.TryParse(fields, out record, out error),
            _ => Fail($"unknown sentence '{fields[0]}' (CCLP/1 knows {BloodPressureSentence} and {GlucoseSentence})", out error),
        };
    }

    internal static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }

    /// <summary>Start, printable ASCII, checksum delimiter and value; returns the comma-separated body fields.</summary>
    private static bool TryCheckFrame(ReadOnlySpan<byte> frame, out string[] fields, [NotNullWhen(false)] out string? error)
    {
        fields = [];
        if (frame.IsEmpty)
        {
            return Fail("empty frame", out error);
        }

        if (frame[0] != (byte)'$')
        {
            return Fail("frame does not start with '$'", out error);
        }

        if (frame.Length > LineProtocolFrameReader.DefaultMaxFrameLength)
        {
            return Fail($"frame longer than {LineProtocolFrameReader.DefaultMaxFrameLength} bytes", out error);
        }

        for (var i = 0; i < frame.Length; i++)
        {
            if (frame[i] is < 0x20 or > 0x7E)
            {
                return Fail($"byte 0x{frame[i]:X2} at offset {i} is not printable ASCII (noise or wrong baud rate?)", out error);
            }
        }

        var star = frame.LastIndexOf((byte)'*');
        if (star < 0)
        {
            return Fail("truncated: no '*' checksum delimiter", out error);
        }

        var hex = frame[(star + 1)..];
        if (hex.Length != 2 || !byte.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var stated))
        {
            return Fail($"truncated or malformed checksum '*{Encoding.ASCII.GetString(hex)}' (want two hex digits)", out error);
        }

        var body = frame[1..star];
        var computed = LineProtocolChecksum.Compute(body);
        if (computed != stated)
        {
            return Fail($"checksum mismatch: frame says {stated:X2}, bytes give {computed:X2}", out error);
        }

        if (body.IndexOfAny((byte)'$', (byte)'*') >= 0)
        {
            return Fail("'$' or '*' inside the frame body", out error);
        }

        fields = Encoding.ASCII.GetString(body).Split(',');
        error = null;
        return true;
    }
}
