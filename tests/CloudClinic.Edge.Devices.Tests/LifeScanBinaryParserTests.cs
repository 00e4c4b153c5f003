using CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;

namespace CloudClinic.Edge.Devices.Tests;

public class LifeScanBinaryParserTests
{
    [Fact]
    public void Crc16Ccitt_Vector_Is41CD()
    {
        Assert.Equal(0x41CD, LifeScanBinaryParser.Crc16Ccitt(Vectors.Hex("02 06 06 03")));
    }

    [Fact]
    public void TryParse_VectorPacket_HasLinkControlAndEmptyMessage()
    {
        Assert.True(LifeScanBinaryParser.TryParse(Vectors.Hex("02 06 08 03 C2 62"), out var packet, out var error), error);

        Assert.Equal(0x08, packet.LinkControl);
        Assert.True(packet.Message.IsEmpty);
    }

    [Fact]
    public void Encode_ThenParse_RoundTripsAndMatchesTheVector()
    {
        Assert.Equal(Vectors.Hex("02 06 08 03 C2 62"), LifeScanBinaryParser.Encode(0x08, []));
        Assert.Equal(Vectors.Hex("02 06 06 03 CD 41"), LifeScanBinaryParser.Encode(0x06, []));

        Assert.True(LifeScanBinaryParser.TryParse(LifeScanBinaryParser.Encode(0, [0x04, 0x06, 0x11]), out var packet, out _));
        Assert.Equal(new byte[] { 0x04, 0x06, 0x11 }, packet.Message.ToArray());
    }

    [Theory]
    [InlineData("02 06 08 03 C2 63", "checksum mismatch: packet says 63C2, CRC-16-CCITT gives 62C2")]
    [InlineData("02 07 08 03 C2 62", "length byte says 7 bytes, packet has 6")]
    [InlineData("02 06 08 04 C2 62", "byte before the CRC is 0x04 (want ETX 03)")]
    [InlineData("02 06 08 03 C2", "not a LifeScan packet (want 02 LEN LC message 03 CRC)")]
    public void TryParse_BadPackets_AreRejectedWithAReason(string hex, string expected)
    {
        Assert.False(LifeScanBinaryParser.TryParse(Vectors.Hex(hex), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void FrameReader_NoiseAndCutOffPackets_KeepsEveryGoodPacket(int chunk)
    {
        var ack = Vectors.Hex("02 06 08 03 C2 62");
        var data = LifeScanBinaryParser.Encode(0x00, [0x04, 0x06, 0x02, 0x03]);
        byte[] stream = [0xFF, 0x02, .. ack, .. data[..5], .. data, 0x02, 0x06, 0x00];
        var reader = new LifeScanBinaryFrameReader();
        var frames = new List<SerialMeters.MeterFrame>();
        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            frames.AddRange(reader.Feed(stream[offset..Math.Min(stream.Length, offset + chunk)]));
        }

        Assert.Equal([Convert.ToHexString(ack), Convert.ToHexString(data)], frames.Where(f => !f.IsDropped).Select(f => Convert.ToHexString(f.Bytes.Span)));
        Assert.Equal(["2 byte(s) of noise outside a frame", "5 byte(s) of noise outside a frame"], frames.Where(f => f.IsDropped).Select(f => f.DropReason));
    }
}
