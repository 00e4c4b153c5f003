using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.Tests;

public class SFloatTests
{
    [Theory]
    [InlineData("sfloat-nordic-10.1.hex", 10.1)]
    [InlineData("sfloat-ua651ble-138.hex", 138)]
    [InlineData("sfloat-nordic-18.9.hex", 18.9)]
    [InlineData("sfloat-ua651ble-17.6.hex", 17.6)]
    public void TryDecode_PublishedVectors_GiveTheListedValue(string file, double expected)
    {
        Assert.True(SFloat.TryDecode(Vectors.Load(file), out var value));

        Assert.True(value.TryGetValue(out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("FF 0F", -1.0)]
    [InlineData("FF 07", null)]
    [InlineData("00 00", 0.0)]
    [InlineData("FD 07", 2045.0)]
    [InlineData("03 08", -2045.0)]
    [InlineData("01 80", 1e-8)]
    [InlineData("01 70", 1e7)]
    [InlineData("FF FF", -1e-1)]
    public void Decode_SignedExponentAndMantissa_AreSignExtended(string hex, double? expected)
    {
        SFloat.TryDecode(Vectors.Hex(hex), out var value);

        Assert.Equal(expected is not null, value.TryGetValue(out var number));
        if (expected is { } e)
        {
            Assert.Equal(e, number);
        }
    }

    [Theory]
    [InlineData("FF 07", MderValueKind.NaN, "NaN")]
    [InlineData("00 08", MderValueKind.NotAtThisResolution, "NRes")]
    [InlineData("FE 07", MderValueKind.PositiveInfinity, "+INF")]
    [InlineData("02 08", MderValueKind.NegativeInfinity, "-INF")]
    [InlineData("01 08", MderValueKind.Reserved, "Reserved")]
    public void Decode_SpecialValues_AreDistinctKindsWithoutANumber(string hex, MderValueKind kind, string text)
    {
        SFloat.TryDecode(Vectors.Hex(hex), out var value);

        Assert.Equal(kind, value.Kind);
        Assert.False(value.TryGetValue(out var number));
        Assert.True(double.IsNaN(number));
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void Decode_SpecialMantissaWithNonZeroExponent_IsANumber()
    {
        // Only exponent 0 marks a special value (20601 F.8); 0xF7FF is 2047 × 10^-1.
        Assert.True(SFloat.Decode(0xF7FF).TryGetValue(out var number));
        Assert.Equal(204.7, number);
    }

    [Fact]
    public void TryDecode_OneByte_IsFalse()
    {
        Assert.False(SFloat.TryDecode([0x65], out _));
    }

    [Fact]
    public void Encode_ThenDecode_RoundTripsEveryMantissaAndExponent()
    {
        for (var exponent = -8; exponent <= 7; exponent++)
        {
            for (var mantissa = -2045; mantissa <= 2045; mantissa++)
            {
                var decoded = SFloat.Decode(SFloat.Encode(mantissa, exponent));
                Assert.Equal((MderValueKind.Number, mantissa, exponent), (decoded.Kind, decoded.Mantissa, decoded.Exponent));
            }
        }
    }

    [Fact]
    public void TryGetValue_ExtraExponent_ScalesExactly()
    {
        // 0x B070 = 112 × 10^-5 kg/L; × 10^5 = 112 mg/dL exactly, not 112.00000000000001.
        Assert.True(SFloat.Decode(0xB070).TryGetValue(5, out var mgdL));
        Assert.Equal(112, mgdL);
    }
}
