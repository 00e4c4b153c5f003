using System.Buffers.Binary;

namespace CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;

/// <summary>
/// LifeScan binary packets: STX, a plausible length, ETX where the length puts it and a matching CRC, else one byte is
/// skipped as noise (a packet failing its CRC is named in the noise reason).
/// </summary>
public sealed class LifeScanBinaryFrameReader() : BinaryFrameReader(LifeScanBinaryParser.MaxPacketLength)
{
    protected override int Match(ReadOnlySpan<byte> candidate)
    {
        if (candidate[0] != LifeScanBinaryParser.Start)
        {
            return -1;
        }

        if (candidate.Length < 2)
        {
            return 0;
        }

        var length = candidate[1];
        if (length < LifeScanBinaryParser.MinPacketLength)
        {
            return -1;
        }

        if (candidate.Length < length)
        {
            return 0;
        }

        if (candidate[length - 3] != LifeScanBinaryParser.End)
        {
            return -1;
        }

        var crc = BinaryPrimitives.ReadUInt16LittleEndian(candidate.Slice(length - 2, 2));
        return crc == LifeScanBinaryParser.Crc16Ccitt(candidate[..(length - 2)]) ? length : BadChecksum;
    }
}
