namespace CloudClinic.Storage.Tests;

public sealed class LocalDayRangeTests
{
    private static readonly DateOnly March1 = new(2025, 3, 1);

    [Fact]
    public void Constructor_ShanghaiDay_StartsAndEndsAtLocalMidnight()
    {
        var range = new LocalDayRange(March1, March1, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), range.Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 16, 0, 0, TimeSpan.Zero), range.End);
        Assert.Equal(March1, range.DayOf(new DateTimeOffset(2025, 3, 1, 15, 59, 59, 999, TimeSpan.Zero)));
        Assert.Equal(March1.AddDays(1), range.DayOf(new DateTimeOffset(2025, 3, 1, 16, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(0, 30)] // offset not whole minutes
    [InlineData(0, (14 * 3600) + 60)] // beyond +14 h
    [InlineData(-1, 0)] // last day before first
    [InlineData(LocalDayRange.MaxDays, 0)] // one day too many
    public void Constructor_InvalidRange_Throws(int lastDayOffset, int offsetSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LocalDayRange(March1, March1.AddDays(lastDayOffset), TimeSpan.FromSeconds(offsetSeconds)));
    }

    [Fact]
    public void Constructor_DayBefore1971_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalDayRange(new DateOnly(1970, 1, 1), March1, TimeSpan.Zero));

    [Fact]
    public void InZone_AsiaShanghai_IsPlusEight()
    {
        var range = LocalDayRange.InZone(March1, March1.AddDays(89), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        Assert.Equal(TimeSpan.FromHours(8), range.UtcOffset);
    }

    [Fact]
    public void InZone_DaylightSavingChangeInside_Throws()
    {
        // Europe/Berlin moves from +01:00 to +02:00 on 2025-03-30.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var error = Assert.Throws<ArgumentException>(() => LocalDayRange.InZone(March1, new DateOnly(2025, 4, 5), berlin));

        Assert.Contains("2025-03-31", error.Message, StringComparison.Ordinal);
    }
}
