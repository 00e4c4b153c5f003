using System.Text;

namespace CloudClinic.Edge.Simulator;

/// <summary>Applies a <see cref="FrameFault"/> to an encoded frame (<c>$…*HH\r\n</c>).</summary>
internal static class FrameFaults
{
    private static readonly byte[] Noise = [0x00, 0xFF, 0x7E, (byte)'#', 0x13, 0xA5];

    public static bool TryParse(string text, out FrameFault fault)
    {
        fault = text switch
        {
            "garbled" => FrameFault.Garbled,
            "bad-checksum" => FrameFault.BadChecksum,
            "truncated" => FrameFault.Truncated,
            "unplug" => FrameFault.Unplug,
            _ => FrameFault.None,
        };
        return fault != FrameFault.None;
    }

    public static byte[] Apply(byte[] frame, FrameFault fault)
    {
        var star = Array.LastIndexOf(frame, (byte)'*');
        switch (fault)
        {
            case FrameFault.None:
                return frame;
            case FrameFault.Garbled:
                var garbled = (byte[])frame.Clone();
                // Setting bit 7 changes the XOR checksum and can never produce '$', '*', CR or LF.
                garbled[star / 2] |= 0x80;
                return [.. Noise, .. garbled];
            case FrameFault.BadChecksum:
                var text = Encoding.ASCII.GetString(frame, star + 1, 2);
                var wrong = (byte)(Convert.ToByte(text, 16) ^ 0x5A);
                return [.. frame.AsSpan(0, star + 1), .. Encoding.ASCII.GetBytes(wrong.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)), (byte)'\r', (byte)'\n'];
            case FrameFault.Truncated:
                return [.. frame.AsSpan(0, star * 2 / 3), (byte)'\r', (byte)'\n'];
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault");
        }
    }

    /// <summary>Printable form for the <c>sent</c> line: the frame without its line end, other bytes as \xHH.</summary>
    public static string Printable(byte[] frame)
    {
        var text = new StringBuilder(frame.Length);
        foreach (var b in frame.AsSpan().TrimEnd("\r\n"u8))
        {
            text.Append(b is >= 0x20 and <= 0x7E ? (char)b : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
