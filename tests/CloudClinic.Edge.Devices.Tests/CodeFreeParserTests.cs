using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;

namespace CloudClinic.Edge.Devices.Tests;

public class CodeFreeParserTests
{
    private static IReadOnlyList<byte[]> Session =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "codefree-session.hex")).Where(l => !l.StartsWith('#')).Select(Vectors.Hex)];

    [Fact]
    public void Builders_HostPackets_AreTheDocumentedBytes()
    {
        Assert.Equal(Vectors.Hex("53 10 04 10 40 50 AA"), CodeFreeParser.ChallengeResponse());
        Assert.Equal(Vectors.Hex("53 10 04 10 60 70 AA"), CodeFreeParser.Fetch());
    }

    [Fact]
    public void SetClock_AnyTime_IsAnAdateTextPacket()
    {
        var packet = CodeFreeParser.SetClock(new DateTime(2024, 3, 15, 7, 30, 0));

        Assert.True(CodeFreeParser.TryParse(packet, out var frame, out _));
        Assert.Equal("ADATE202403150730"u8.ToArray(), frame.Message.ToArray());
        Assert.Equal(0x13, packet[2]);
    }

    [Fact]
    public void TryParse_MeterSession_ChallengeCountReadingsDisconnect()
    {
        var frames = Session.Select(p =>
        {
            Assert.True(CodeFreeParser.TryParse(p, out var f, out var error), error);
            return f;
        }).ToList();

        Assert.True(CodeFreeParser.IsChallenge(frames[0]));
        Assert.True(CodeFreeParser.TryDecodeCount(frames[1], out var count, out _));
        Assert.Equal(2, count);
        Assert.True(CodeFreeParser.TryDecodeReading(frames[2], out var first, out var error), error);
        Assert.Equal((new DateTime(2024, 3, 15, 7, 30, 0), 112, MealContexts.Preprandial), (first.MeterLocalTime, first.GlucoseMgdL, first.Meal));
        Assert.True(CodeFreeParser.TryDecodeReading(frames[3], out var second, out _));
        Assert.Equal((new DateTime(2024, 3, 14, 21, 5, 0), 300, MealContexts.Postprandial), (second.MeterLocalTime, second.GlucoseMgdL, second.Meal));
        Assert.True(CodeFreeParser.IsDisconnected(frames[4]));
        Assert.False(CodeFreeParser.IsChallenge(frames[4]));
    }

    [Fact]
    public void TryParse_HostResponse_IsNotAChallenge()
    {
        Assert.True(CodeFreeParser.TryParse(CodeFreeParser.ChallengeResponse(), out var frame, out _));

        Assert.False(frame.FromMeter);
        Assert.False(CodeFreeParser.IsChallenge(frame));
    }

    [Theory]
    [InlineData("53 20 04 10 30 21 AA", "checksum mismatch: packet says 21, XOR of the message gives 20")]
    [InlineData("53 20 04 10 30 20 AB", "packet ends with 0xAB (want AA)")]
    [InlineData("53 30 04 10 30 20 AA", "direction byte 0x30 is neither 20 nor 10")]
    [InlineData("53 20 05 10 30 20 AA", "length byte says 8 bytes, packet has 7")]
    [InlineData("53 20 04 10 30", "not a CodeFree packet (want 53 DIR LEN message XOR AA)")]
    public void TryParse_BadPackets_AreRejectedWithAReason(string hex, string expected)
    {
        Assert.False(CodeFreeParser.TryParse(Vectors.Hex(hex), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(13, 1, 7, 30, 0x00)]
    [InlineData(2, 30, 7, 30, 0x00)]
    [InlineData(3, 15, 24, 0, 0x00)]
    [InlineData(3, 15, 7, 60, 0x00)]
    [InlineData(3, 15, 7, 30, 0x30)]
    public void TryDecodeReading_ImpossibleFieldsOrMeal_AreRejected(int month, int day, int hour, int minute, int meal)
    {
        var packet = CodeFreeParser.Encode(CodeFreeParser.MeterToHost, [0x20, 1, 24, (byte)month, (byte)day, (byte)hour, (byte)minute, 0, 112, (byte)meal, 0, 0, 0, 0, 0, 0, 0]);
        Assert.True(CodeFreeParser.TryParse(packet, out var frame, out _));

        Assert.False(CodeFreeParser.TryDecodeReading(frame, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TryDecodeReading_CountPacket_IsNotAReading()
    {
        Assert.True(CodeFreeParser.TryParse(Session[1], out var frame, out _));

        Assert.False(CodeFreeParser.TryDecodeReading(frame, out _, out var error));
        Assert.Equal("not a reading packet (want a 17-byte message from the meter)", error);
    }

    [Fact]
    public void ToRecord_Reading_IsMinuteResolution()
    {
        Assert.True(CodeFreeParser.TryParse(Session[2], out var frame, out _));
        Assert.True(CodeFreeParser.TryDecodeReading(frame, out var reading, out _));

        var record = reading.ToRecord("CF-1", TimeSpan.FromHours(9));

        Assert.Equal((6.22, (double?)112.0, false), (record.GlucoseMmolL, record.GlucoseMgdL, record.MeasuredAtHasSeconds));
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 7, 30, 0, TimeSpan.FromHours(9)), record.MeasuredAt);
    }
}
