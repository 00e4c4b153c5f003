using CloudClinic.Edge.Gateway.Acquisition;

namespace CloudClinic.Edge.Gateway.Tests;

public class ClockCheckTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset GatewayNow = new(2025, 3, 1, 0, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false)]
    [InlineData(5, false)]
    [InlineData(-5, false)]
    [InlineData(6, true)]
    [InlineData(-6, true)]
    public void Of_DriftBeyondFiveMinutes_IsFlagged(int minutes, bool drifted)
    {
        var meterNow = new DateTime(2025, 3, 1, 8, 15, 0).AddMinutes(minutes);

        var check = ClockCheck.Of(meterNow, Shanghai, GatewayNow);

        Assert.True(check.IsSet);
        Assert.Equal(TimeSpan.FromMinutes(minutes), check.Drift);
        Assert.Equal(drifted, check.Drifted);
        Assert.Equal(drifted, check.Note is not null);
    }

    [Fact]
    public void Of_MeterClockBehind_NoteSaysBehind()
    {
        var check = ClockCheck.Of(new DateTime(2025, 3, 1, 7, 55, 0), Shanghai, GatewayNow);

        Assert.Equal("meter clock is 20 min behind the gateway's: readings flagged clockDrift", check.Note);
    }

    [Fact]
    public void Of_UnsetClock_IsNotTrustedAndNotCountedAsDrift()
    {
        // Year 2000: the clock was never set; its readings carry the gateway's time instead of a flag.
        var check = ClockCheck.Of(new DateTime(2000, 1, 1, 0, 3, 0), Shanghai, GatewayNow);

        Assert.False(check.IsSet);
        Assert.False(check.Drifted);
        Assert.StartsWith("meter clock is not set", check.Note, StringComparison.Ordinal);
    }
}
