using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class InfluxTagValueTests
{
    [Theory]
    [InlineData("clinic-a")]
    [InlineData("P-0001")]
    [InlineData("病人 42, with=odd \"chars\"")]
    public void Encode_NoPercentBackslashOrControl_ReturnsSame(string value)
    {
        Assert.Equal(value, InfluxTagValue.Encode(value));
    }

    [Theory]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("ends\\", "ends%5C")]
    [InlineData("50%", "50%25")]
    [InlineData("tab\there", "tab%09here")]
    public void Encode_UnsafeCharacters_ArePercentEncoded(string value, string expected)
    {
        Assert.Equal(expected, InfluxTagValue.Encode(value));
    }

    [Theory]
    [InlineData("a\nb\r\\c%41")]
    [InlineData("%")]
    [InlineData("%%25\\\\")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\u0085\u007f")]
    public void Decode_OfEncode_RoundTrips(string value)
    {
        var encoded = InfluxTagValue.Encode(value);

        Assert.DoesNotContain('\n', encoded);
        Assert.False(encoded.EndsWith('\\'));
        Assert.Equal(value, InfluxTagValue.Decode(encoded));
    }

    [Fact]
    public void PatientTagValue_LiteralUnassigned_DiffersFromNull()
    {
        var unassigned = InfluxSchema.PatientTagValue(null);
        var literal = InfluxSchema.PatientTagValue("unassigned");

        Assert.Equal("unassigned", unassigned);
        Assert.NotEqual(unassigned, literal);
        Assert.Equal("unassigned", InfluxTagValue.Decode(literal));
    }
}
