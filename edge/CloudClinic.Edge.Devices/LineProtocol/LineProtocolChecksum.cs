namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>NMEA 0183 style checksum: XOR of every byte between <c>$</c> and <c>*</c> (docs/line-protocol.md §3).</summary>
internal static class LineProtocolChecksum
{
    public static byte Compute(ReadOnlySpan<byte> body)
    {
        byte checksum = 0;
        foreach (var b in body)
        {
            checksum ^= b;
        }

        return checksum;
    }

    public static string ToHex(byte checksum) => checksum.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
}
