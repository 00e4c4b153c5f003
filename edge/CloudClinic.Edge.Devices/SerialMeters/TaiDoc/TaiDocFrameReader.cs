namespace CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

/// <summary>
/// Fixed 8-byte frames starting with <c>0x51</c> whose seventh byte is a direction (<c>A3</c>/<c>A5</c>); anything
/// else is skipped byte by byte as noise. The checksum is left to <see cref="TaiDocParser"/>, which rejects with a reason.
/// </summary>
public sealed class TaiDocFrameReader() : BinaryFrameReader(TaiDocParser.FrameLength)
{
    protected override int Match(ReadOnlySpan<byte> candidate)
    {
        if (candidate[0] != TaiDocParser.Start)
        {
            return -1;
        }

        if (candidate.Length < TaiDocParser.FrameLength)
        {
            return 0;
        }

        return candidate[6] is TaiDocParser.HostToMeter or TaiDocParser.MeterToHost ? TaiDocParser.FrameLength : -1;
    }
}
