using CloudClinic.Edge.Bluetooth.Gatt;

namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class CurrentTimeCodecTests
{
    [Fact]
    public void Encode_SundayAfternoon_WritesExactTime256WithManualUpdateReason()
    {
        var bytes = CurrentTimeCodec.Encode(new DateTime(2026, 11, 29, 14, 5, 9, 500));

        Assert.Equal("EA070B1D0E0509078001", Convert.ToHexString(bytes));
    }

    [Fact]
    public void TryDecode_EncodedTime_RoundTripsToTheSecond()
    {
        var time = new DateTime(2024, 2, 29, 23, 59, 58);

        Assert.True(CurrentTimeCodec.TryDecode(CurrentTimeCodec.Encode(time), out var decoded, out _));
        Assert.Equal(time, decoded);
    }

    [Theory]
    [InlineData("0000010100000000000000")]
    [InlineData("E807000100000000000000")]
    public void TryDecode_YearOrMonthZero_IsAnUnsetClockNotATime(string hex)
    {
        Assert.True(CurrentTimeCodec.TryDecode(Convert.FromHexString(hex), out var decoded, out _));
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData("E8070201", "Current Time has 4 bytes (want 10)")]
    [InlineData("E807021E0C000000000000", "impossible Current Time 2024-02-30 12:00:00")]
    [InlineData("E807020118000000000000", "impossible Current Time 2024-02-01 24:00:00")]
    public void TryDecode_MalformedValue_FailsWithReason(string hex, string reason)
    {
        Assert.False(CurrentTimeCodec.TryDecode(Convert.FromHexString(hex), out _, out var error));
        Assert.Equal(reason, error);
    }
}
