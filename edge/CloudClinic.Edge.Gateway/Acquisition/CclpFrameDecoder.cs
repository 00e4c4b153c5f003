using System.Diagnostics.CodeAnalysis;
using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// Decodes one CCLP/1 frame, given as text (<c>$CCBP,…*HH</c>) or as hex bytes, into the reading the gateway would
/// publish for it (the Edge host's <c>decode</c> command). Never throws on bad input.
/// </summary>
public static class CclpFrameDecoder
{
    public static bool TryDecode(
        string frameTextOrHex,
        string clinicId,
        string gatewayId,
        DateTimeOffset receivedAt,
        [NotNullWhen(true)] out ReadingMessage? reading,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(frameTextOrHex);
        reading = null;
        var text = frameTextOrHex.Trim();
        byte[] bytes;
        if (text.StartsWith('$'))
        {
            // Shell users type the line end as the two characters \r\n, if at all.
            bytes = Encoding.Latin1.GetBytes(text.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal));
        }
        else if (!TryHex(text, out bytes))
        {
            error = "not a CCLP/1 frame: give the text starting with '$' or its bytes in hex";
            return false;
        }

        if (!LineProtocolParser.TryParse(bytes, out var record, out error))
        {
            return false;
        }

        var source = new ReadingSource(clinicId, gatewayId, Station: null, MeterLinkFactory.SerialModel, Transports.Serial, LineProtocolParser.ProtocolName);
        reading = ReadingMapper.Map(record, source, receivedAt);
        return true;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        var hex = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase);
        try
        {
            bytes = Convert.FromHexString(hex);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
