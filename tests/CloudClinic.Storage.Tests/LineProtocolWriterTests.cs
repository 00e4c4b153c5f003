using System.Globalization;
using System.Text;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class LineProtocolWriterTests
{
    [Fact]
    public void Write_PlainPoint_IsInfluxLineProtocol()
    {
        using var writer = new LineProtocolWriter();
        var text = writer
            .Begin("blood_pressure").Tag("clinic", "c1").Field("systolic", 120).Field("ok", true).End(1700000000000)
            .ToString();

        // 120 without an "i" suffix: always a float, so the field never flips to integer.
        Assert.Equal("blood_pressure,clinic=c1 systolic=120,ok=true 1700000000000", text);
    }

    [Fact]
    public void Write_TwoPoints_AreSeparatedByNewline()
    {
        using var writer = new LineProtocolWriter();
        var text = writer
            .Begin("m").Field("f", 1.5).End(1)
            .Begin("m").Field("f", -0.25).End(2)
            .ToString();

        Assert.Equal("m f=1.5 1\nm f=-0.25 2", text);
    }

    [Fact]
    public void Write_MeasurementWithCommaSpaceEquals_EscapesCommaAndSpaceOnly()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("a,b c=d").Field("f", 1).End(1).ToString();

        Assert.Equal(@"a\,b\ c=d f=1 1", text);
    }

    [Fact]
    public void Write_TagKeyAndValueWithCommaSpaceEquals_AreEscaped()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Tag("k ey,=", "v,a l=ue\"'").Field("f", 1).End(1).ToString();

        Assert.Equal(@"m,k\ ey\,\==v\,a\ l\=ue""' f=1 1", text);
    }

    [Fact]
    public void Write_StringFieldWithQuotesBackslashNewline_EscapesQuoteAndBackslash()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Field("f k", "say \"hi\"\\\nnext, a=b").End(1).ToString();

        Assert.Equal("m f\\ k=\"say \\\"hi\\\"\\\\\nnext, a=b\" 1", text);
    }

    [Fact]
    public void Tag_NullOrEmptyValue_IsSkipped()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Tag("a", null).Tag("b", "").Field("f", "x").End(1).ToString();

        Assert.Equal("m f=\"x\" 1", text);
    }

    [Fact]
    public void Field_NullString_IsSkipped()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Field("a", (string?)null).Field("b", 2).End(1).ToString();

        Assert.Equal("m b=2 1", text);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("ends with backslash\\")]
    public void Tag_ValueLineProtocolCannotCarry_Throws(string value)
    {
        using var writer = new LineProtocolWriter();
        writer.Begin("m");

        Assert.Throws<ArgumentException>(() => writer.Tag("t", value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Field_NonFiniteNumber_Throws(double value)
    {
        using var writer = new LineProtocolWriter();
        writer.Begin("m");

        Assert.Throws<ArgumentException>(() => writer.Field("f", value));
    }

    [Fact]
    public void End_WithoutField_Throws()
    {
        using var writer = new LineProtocolWriter();
        writer.Begin("m").Tag("t", "v");

        Assert.Throws<InvalidOperationException>(() => writer.End(1));
    }

    [Fact]
    public void Tag_AfterField_Throws()
    {
        using var writer = new LineProtocolWriter();
        writer.Begin("m").Field("f", 1);

        Assert.Throws<InvalidOperationException>(() => writer.Tag("t", "v"));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1e-7)]
    [InlineData(123456.789)]
    [InlineData(-0.0)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    public void Field_Double_IsRoundTripText(double value)
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Field("f", value).End(-1).ToString();

        Assert.Equal($"m f={value.ToString("R", CultureInfo.InvariantCulture)} -1", text);
    }

    [Fact]
    public void Field_WholeNumbers_SameTextAsR()
    {
        // Whole numbers below 1e15 take a faster path than "R"; at and above it "R" switches to an exponent.
        List<double> values = [0, -0.0, 1, -1, 120, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e16, 9007199254740993];
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            values.Add(Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 18))));
        }

        foreach (var value in values)
        {
            using var writer = new LineProtocolWriter();
            var text = writer.Begin("m").Field("f", value).End(1).ToString();

            Assert.Equal($"m f={value.ToString("R", CultureInfo.InvariantCulture)} 1", text);
        }
    }

    [Fact]
    public void Field_DateTimeOffset_IsRoundTripTextInQuotes()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 30, 0, 123, TimeSpan.FromMinutes(-210)).AddTicks(4567);
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Field("at", at).End(1).ToString();

        Assert.Equal("m at=\"2025-03-01T08:30:00.1234567-03:30\" 1", text);
    }

    [Fact]
    public void Field_JoinedValues_EachIsEscapedAndEmptyListIsSkipped()
    {
        using var writer = new LineProtocolWriter();
        var text = writer.Begin("m").Field("none", [], ',').Field("flags", ["a\"b", "c\\d", "", "e f"], ',').End(1).ToString();

        Assert.Equal("m flags=\"a\\\"b,c\\\\d,,e f\" 1", text);
    }

    [Fact]
    public void Write_LoneSurrogates_SameBytesAsEncodingUtf8()
    {
        // A lone surrogate cannot be UTF-8: both ways write U+FFFD for it.
        const string value = "x\uD83D,\uDE00 y\uDE00\uD83D";
        using var writer = new LineProtocolWriter();
        writer.Begin("m").Tag("t", value).Field("s", value).End(1);
        var reference = new ReferenceLineProtocol.Writer().Begin("m").Tag("t", value).Field("s", value).End(1).ToString();

        Assert.Equal(Encoding.UTF8.GetBytes(reference), Bytes(writer));
        Assert.Equal(Encoding.UTF8.GetByteCount(reference), writer.ByteCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    [InlineData("trailing\\")]
    public void InvalidNames_ThrowAsTheReferenceDoes(string name)
    {
        using var writer = new LineProtocolWriter();
        var reference = new ReferenceLineProtocol.Writer();

        AssertSameFailure(() => reference.Begin(name), () => writer.Begin(name));
        writer.Begin("m");
        reference.Begin("m");
        AssertSameFailure(() => reference.Tag(name, "v"), () => writer.Tag(name, "v"));
        AssertSameFailure(() => reference.Tag("t", name is "" ? "x\\" : name), () => writer.Tag("t", name is "" ? "x\\" : name));
        AssertSameFailure(() => reference.Field(name, 1), () => writer.Field(name, 1));
        AssertSameFailure(() => reference.Field("f", double.NaN), () => writer.Field("f", double.NaN));
        AssertSameFailure(() => reference.ToString(), () => writer.ToString());
        AssertSameFailure(() => reference.End(1), () => writer.End(1));
    }

    [Fact]
    public void Dispose_ThenWrite_ThrowsObjectDisposed()
    {
        var writer = new LineProtocolWriter();
        writer.Begin("m").Field("f", 1).End(1);
        writer.Dispose();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.Begin("m"));
        Assert.Throws<ObjectDisposedException>(() => writer.GetSegments());
    }

    internal static byte[] Bytes(LineProtocolWriter writer) => [.. writer.GetSegments().SelectMany(segment => segment.ToArray())];

    private static void AssertSameFailure(Action reference, Action actual)
    {
        var expected = Record.Exception(reference);
        var exception = Record.Exception(actual);

        Assert.NotNull(expected);
        Assert.NotNull(exception);
        Assert.Equal(expected.GetType(), exception.GetType());
        Assert.Equal(expected.Message, exception.Message);
    }
}
