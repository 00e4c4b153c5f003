using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Devices.Tests;

public class TaiDocParserTests
{
    [Fact]
    public void Request_VectorFrames_MatchTheDocumentedBytes()
    {
        Assert.Equal(Vectors.Hex("51 22 00 00 00 00 A3 16"), TaiDocParser.Request(TaiDocParser.Connect));
        Assert.Equal(Vectors.Hex("51 2B 00 00 00 00 A3 1F"), TaiDocParser.Request(TaiDocParser.ReadRecordCount));
        Assert.Equal(Vectors.Hex("51 25 02 01 00 00 A3 1C"), TaiDocParser.Request(TaiDocParser.ReadRecordTime, 0x0102));
    }

    [Theory]
    [InlineData("21 24 0E 15", 2018, 1, 1, 21, 14)]
    [InlineData("04 27 25 0D", 2019, 8, 4, 13, 37)]
    public void TryDecodeDateTime_VectorWords_GiveTheListedTime(string data, int y, int mo, int d, int h, int mi)
    {
        var frame = Frame(TaiDocParser.ReadRecordTime, data);

        Assert.True(TaiDocParser.TryDecodeDateTime(frame, out var at, out var error), error);
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), at);
    }

    [Theory]
    [InlineData("70 00 06 00", 112, "unknown")]
    [InlineData("2C 01 06 40", 300, "preprandial")]
    [InlineData("58 02 06 80", 600, "postprandial")]
    public void TryDecodeValue_ValueAndMeal_AreRead(string data, int mgdL, string meal)
    {
        Assert.True(TaiDocParser.TryDecodeValue(Frame(TaiDocParser.ReadRecordValue, data), out var value, out var m, out var error), error);

        Assert.Equal((mgdL, meal), (value, m));
    }

    [Fact]
    public void TryDecodeValue_UnknownMealFlag_IsRejected()
    {
        Assert.False(TaiDocParser.TryDecodeValue(Frame(TaiDocParser.ReadRecordValue, "70 00 06 20"), out _, out _, out var error));

        Assert.Equal("meal flag 0x20 is not 00, 40 or 80", error);
    }

    [Fact]
    public void TryDecodeCountAndModel_LittleEndianWords_AreRead()
    {
        Assert.True(TaiDocParser.TryDecodeCount(Frame(TaiDocParser.ReadRecordCount, "F4 01 00 00"), out var count, out _));
        Assert.True(TaiDocParser.TryDecodeModel(Frame(TaiDocParser.ReadModel, "77 42 00 00"), out var model, out _));

        Assert.Equal((500, "4277"), (count, model));
    }

    [Fact]
    public void TryDecode_AnswerToAnotherCommand_IsRejected()
    {
        Assert.False(TaiDocParser.TryDecodeCount(Frame(TaiDocParser.ReadModel, "77 42 00 00"), out _, out var error));

        Assert.Equal("frame 24/A5 is not the meter's answer to 0x2B", error);
    }

    [Fact]
    public void TryDecode_HostRequest_IsNotAnAnswer()
    {
        Assert.True(TaiDocParser.TryParse(TaiDocParser.Request(TaiDocParser.ReadRecordCount), out var request, out _));

        Assert.False(TaiDocParser.TryDecodeCount(request, out _, out _));
        Assert.False(request.FromMeter);
    }

    [Theory]
    [InlineData("A1 25 0E 15")]
    [InlineData("21 24 3C 15")]
    [InlineData("21 24 0E 18")]
    [InlineData("20 24 0E 15")]
    public void TryDecodeDateTime_ImpossibleFields_AreRejected(string data)
    {
        Assert.False(TaiDocParser.TryDecodeDateTime(Frame(TaiDocParser.ReadRecordTime, data), out _, out var error));

        Assert.StartsWith("impossible date/time", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51 22 00 00 00 00 A3 17", "checksum mismatch: frame says 17, bytes give 16")]
    [InlineData("51 22 00 00 00 00 A4 16", "direction byte 0xA4 is neither A3 nor A5")]
    [InlineData("52 22 00 00 00 00 A3 16", "frame starts with 0x52 (want 0x51)")]
    [InlineData("51 22 00 00 00 00 A3", "frame has 7 bytes (want 8)")]
    public void TryParse_BadFrames_AreRejectedWithAReason(string hex, string expected)
    {
        Assert.False(TaiDocParser.TryParse(Vectors.Hex(hex), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0x22, true)]
    [InlineData(0x24, true)]
    [InlineData(0x54, true)]
    [InlineData(0x23, false)]
    public void IsConnectAnswer_AcceptsTheThreeKnownAnswers(int command, bool expected)
    {
        Assert.Equal(expected, TaiDocParser.IsConnectAnswer(Frame((byte)command, "00 00 00 00")));
    }

    [Fact]
    public void ToRecord_Reading_IsMinuteResolutionMgdL()
    {
        var reading = new TaiDocReading { Index = 0, MeterLocalTime = new DateTime(2019, 8, 4, 13, 37, 0), GlucoseMgdL = 112, Meal = MealContexts.Preprandial };

        var record = reading.ToRecord("TD-1", TimeSpan.Zero);

        Assert.Equal((112.0, 6.22, false, MealContexts.Preprandial), (record.GlucoseMgdL, record.GlucoseMmolL, record.MeasuredAtHasSeconds, record.Meal));
        // Minutes since 2000-01-01 of the meter time, not the shifting index.
        Assert.Equal(MeterTimeRecordNumber.From(reading.MeterLocalTime, hasSeconds: false), record.RecordNumber);
        Assert.Equal(10_304_017, record.RecordNumber);
    }

    internal static TaiDocFrame Frame(byte command, string data)
    {
        var bytes = new List<byte> { TaiDocParser.Start, command };
        bytes.AddRange(Vectors.Hex(data));
        bytes.Add(TaiDocParser.MeterToHost);
        bytes.Add((byte)bytes.Sum(b => b));
        Assert.True(TaiDocParser.TryParse(bytes.ToArray(), out var frame, out var error), error);
        return frame;
    }
}
