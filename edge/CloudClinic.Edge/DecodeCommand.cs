using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Acquisition;

namespace CloudClinic.Edge;

/// <summary>
/// <c>decode cclp1 &lt;frame-text-or-hex&gt;</c>: prints the reading the gateway would publish for the frame, as one
/// JSON object with the wire field names (docs/line-protocol.md), or a one-line reason and exit code 1.
/// </summary>
internal static class DecodeCommand
{
    private const string Usage = "usage: decode cclp1 <frame-text-or-hex>   e.g. decode cclp1 '$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E'";

    // Placeholders for the reading's gateway identity: decoding does not read the gateway's configuration.
    private const string ClinicId = "decode";
    private const string GatewayId = "decode";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var protocol, var frame] || protocol != "cclp1")
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!CclpFrameDecoder.TryDecode(frame, ClinicId, GatewayId, TimeProvider.System.GetUtcNow(), out var reading, out var reason))
        {
            error.WriteLine($"rejected: {reason}");
            return 1;
        }

        output.WriteLine(JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage));
        return 0;
    }
}
