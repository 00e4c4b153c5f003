using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.Tests;

public class Float32Tests
{
    [Theory]
    [InlineData("FF FF 7F 00", MderValueKind.NaN)]
    [InlineData("00 00 80 00", MderValueKind.NotAtThisResolution)]
    [InlineData("FE FF 7F 00", MderValueKind.PositiveInfinity)]
    [InlineData("02 00 80 00", MderValueKind.NegativeInfinity)]
    [InlineData("01 00 80 00", MderValueKind.Reserved)]
    public void TryDecode_SpecialValues_AreDistinctKinds(string hex, MderValueKind kind)
    {
        Assert.True(Float32.TryDecode(Vectors.Hex(hex), out var value));

        Assert.Equal(kind, value.Kind);
        Assert.False(value.TryGetValue(out _));
    }

    [Theory]
    [InlineData("6E 00 00 FF", 11.0)]
    [InlineData("B0 00 00 FF", 17.6)]
    [InlineData("FF FF FF 00", -1)]
    [InlineData("FF FF FF FE", -0.01)]
    [InlineData("01 00 00 02", 100)]
    [InlineData("FD FF 7F 00", 8_388_605)]
    public void TryDecode_Numbers_SignExtendBothFields(string hex, double expected)
    {
        Assert.True(Float32.TryDecode(Vectors.Hex(hex), out var value));

        Assert.True(value.TryGetValue(out var number));
        Assert.Equal(expected, number);
    }

    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        foreach (var (mantissa, exponent) in new[] { (0, 0), (1, -128), (-8_388_605, 127), (123_456, -3), (-5, 5) })
        {
            var decoded = Float32.Decode(Float32.Encode(mantissa, exponent));
            Assert.Equal((MderValueKind.Number, mantissa, exponent), (decoded.Kind, decoded.Mantissa, decoded.Exponent));
        }
    }

    [Fact]
    public void TryDecode_ThreeBytes_IsFalse()
    {
        Assert.False(Float32.TryDecode([1, 2, 3], out _));
    }
}
