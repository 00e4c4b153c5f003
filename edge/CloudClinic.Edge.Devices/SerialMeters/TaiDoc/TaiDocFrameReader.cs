namespace CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

/// <summary>
/// Fixed 8-byte frames starting with <c>0x51</c> whose seventh byte is a direction (<c>A3</c>/<c>A5</c>); anything
/// else (including a frame whose checksum fails) is skipped byte by byte as noise.
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

        if (candidate[6] is not (TaiDocParser.HostToMeter or TaiDocParser.MeterToHost))
        {
            return -1;
        }

        return TaiDocParser.Checksum(candidate[..7]) == candidate[7] ? TaiDocParser.FrameLength : BadChecksum;
    }
}
