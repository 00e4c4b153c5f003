using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Decoding;
using CloudClinic.Edge.Gateway.Acquisition;

namespace CloudClinic.Edge;

/// <summary>
/// <c>decode &lt;kind&gt; &lt;input&gt;</c>: prints what the gateway reads from one frame, as one JSON object with the
/// wire field names, or a one-line reason and exit code 1. <c>cclp1</c> prints the whole reading the gateway would
/// publish (docs/line-protocol.md); the GATT characteristics and serial meter protocols print the decoded reading.
/// </summary>
internal static class DecodeCommand
{
    private static readonly string Usage =
        "usage: decode <kind> <hex-or-frame>   kinds: cclp1, " + string.Join(", ", DeviceFrameDecoder.Kinds) + Environment.NewLine +
        "  e.g. decode cclp1 '$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E'" + Environment.NewLine +
        "       decode 2A35 '1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00'" + Environment.NewLine +
        "       decode 2A35:beurer-bm85 '56 6A 00 47 00 00 00 EA 07 08 0B 12 1F 00 00 3F 00 00 00'";

    // Placeholders for the reading's gateway identity: decoding does not read the gateway's configuration.
    private const string ClinicId = "decode";
    private const string GatewayId = "decode";

    /// <param name="timeProvider">Gives the gateway's UTC offset (meters keep local wall-clock time) and cclp1's receivedAt.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        if (args is not [var kind, var frame])
        {
            error.WriteLine(Usage);
            return 2;
        }

        var now = timeProvider.GetUtcNow();
        // Case-insensitive like every other kind (DeviceFrameDecoder): CCLP1 is the protocol's own spelling.
        if (string.Equals(kind, "cclp1", StringComparison.OrdinalIgnoreCase))
        {
            if (!CclpFrameDecoder.TryDecode(frame, ClinicId, GatewayId, now, out var reading, out var cclpReason))
            {
                error.WriteLine($"rejected: {cclpReason}");
                return 1;
            }

            output.WriteLine(JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage));
            return 0;
        }

        // Meters keep local wall-clock time; the gateway reads them in its own zone, with the offset in force at the
        // meter's time (not today's: a reading from before a DST or zone change keeps its own offset).
        if (!DeviceFrameDecoder.TryDecode(kind, frame, timeProvider.LocalTimeZone, out var json, out var reason))
        {
            error.WriteLine(reason.StartsWith("unknown kind", StringComparison.Ordinal) ? Usage : $"rejected: {reason}");
            return reason.StartsWith("unknown kind", StringComparison.Ordinal) ? 2 : 1;
        }

        output.WriteLine(json);
        return 0;
    }
}
