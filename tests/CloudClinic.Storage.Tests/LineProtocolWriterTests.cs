using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class LineProtocolWriterTests
{
    [Fact]
    public void Write_PlainPoint_IsInfluxLineProtocol()
    {
        var text = new LineProtocolWriter()
            .Begin("blood_pressure").Tag("clinic", "c1").Field("systolic", 120).Field("ok", true).End(1700000000000)
            .ToString();

        // 120 without an "i" suffix: always a float, so the field never flips to integer.
        Assert.Equal("blood_pressure,clinic=c1 systolic=120,ok=true 1700000000000", text);
    }

    [Fact]
    public void Write_TwoPoints_AreSeparatedByNewline()
    {
        var text = new LineProtocolWriter()
            .Begin("m").Field("f", 1.5).End(1)
            .Begin("m").Field("f", -0.25).End(2)
            .ToString();

        Assert.Equal("m f=1.5 1\nm f=-0.25 2", text);
    }

    [Fact]
    public void Write_MeasurementWithCommaSpaceEquals_EscapesCommaAndSpaceOnly()
    {
        var text = new LineProtocolWriter().Begin("a,b c=d").Field("f", 1).End(1).ToString();

        Assert.Equal(@"a\,b\ c=d f=1 1", text);
    }

    [Fact]
    public void Write_TagKeyAndValueWithCommaSpaceEquals_AreEscaped()
    {
        var text = new LineProtocolWriter().Begin("m").Tag("k ey,=", "v,a l=ue\"'").Field("f", 1).End(1).ToString();

        Assert.Equal(@"m,k\ ey\,\==v\,a\ l\=ue""' f=1 1", text);
    }

    [Fact]
    public void Write_StringFieldWithQuotesBackslashNewline_EscapesQuoteAndBackslash()
    {
        var text = new LineProtocolWriter().Begin("m").Field("f k", "say \"hi\"\\\nnext, a=b").End(1).ToString();

        Assert.Equal("m f\\ k=\"say \\\"hi\\\"\\\\\nnext, a=b\" 1", text);
    }

    [Fact]
    public void Tag_NullOrEmptyValue_IsSkipped()
    {
        var text = new LineProtocolWriter().Begin("m").Tag("a", null).Tag("b", "").Field("f", "x").End(1).ToString();

        Assert.Equal("m f=\"x\" 1", text);
    }

    [Fact]
    public void Field_NullString_IsSkipped()
    {
        var text = new LineProtocolWriter().Begin("m").Field("a", (string?)null).Field("b", 2).End(1).ToString();

        Assert.Equal("m b=2 1", text);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("ends with backslash\\")]
    public void Tag_ValueLineProtocolCannotCarry_Throws(string value)
    {
        var writer = new LineProtocolWriter().Begin("m");

        Assert.Throws<ArgumentException>(() => writer.Tag("t", value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Field_NonFiniteNumber_Throws(double value)
    {
        var writer = new LineProtocolWriter().Begin("m");

        Assert.Throws<ArgumentException>(() => writer.Field("f", value));
    }

    [Fact]
    public void End_WithoutField_Throws()
    {
        var writer = new LineProtocolWriter().Begin("m").Tag("t", "v");

        Assert.Throws<InvalidOperationException>(() => writer.End(1));
    }

    [Fact]
    public void Tag_AfterField_Throws()
    {
        var writer = new LineProtocolWriter().Begin("m").Field("f", 1);

        Assert.Throws<InvalidOperationException>(() => writer.Tag("t", "v"));
    }
}
