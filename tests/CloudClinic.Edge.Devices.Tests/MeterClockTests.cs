using System.Text.Json;
using CloudClinic.Edge.Devices.Clock;
using CloudClinic.Edge.Devices.Decoding;

namespace CloudClinic.Edge.Devices.Tests;

public class MeterClockTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData(2025, 1, 15, 1)]
    [InlineData(2025, 7, 15, 2)]
    public void OffsetAt_ZoneWithDst_IsTheOffsetAtTheMeterTimeNotToday(int year, int month, int day, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), MeterClock.OffsetAt(new DateTime(year, month, day, 12, 0, 0), Berlin));
    }

    [Fact]
    public void OffsetAt_ShanghaiDuringItsDstYears_IsNineHours()
    {
        // China kept DST from 1986 to 1991: a time then has +09:00 in summer; today's +08:00 would be an hour off.
        Assert.Equal(TimeSpan.FromHours(9), MeterClock.OffsetAt(new DateTime(1988, 7, 1, 12, 0, 0), Shanghai));
        Assert.Equal(TimeSpan.FromHours(8), MeterClock.OffsetAt(new DateTime(2025, 7, 1, 12, 0, 0), Shanghai));
    }

    [Fact]
    public void OffsetAt_WallTimeInTheSpringGap_TakesTheOffsetBeforeTheGap()
    {
        // 2025-03-30 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00); a meter that ignores DST shows it.
        Assert.Equal(TimeSpan.FromHours(1), MeterClock.OffsetAt(new DateTime(2025, 3, 30, 2, 30, 0), Berlin));
    }

    [Fact]
    public void OffsetAt_RepeatedAutumnHour_TakesItsFirstOccurrence()
    {
        Assert.Equal(TimeSpan.FromHours(2), MeterClock.OffsetAt(new DateTime(2025, 10, 26, 2, 30, 0), Berlin));
    }

    [Theory]
    [InlineData(2000, false)]
    [InlineData(2001, true)]
    [InlineData(2025, true)]
    public void ToInstant_Year2000IsAnUnsetClock_LaterYearsAreTrusted(int year, bool trusted)
    {
        var instant = MeterClock.ToInstant(new DateTime(year, 1, 1, 0, 0, 0), Shanghai);

        Assert.Equal(trusted, instant.HasValue);
        if (trusted)
        {
            Assert.Equal(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), instant);
        }
    }

    [Theory]
    [InlineData("P \"SAT\",\"01/05/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 0995", "2013-01-05T22:12:00+01:00")]
    [InlineData("P \"SAT\",\"08/03/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 099A", "2013-08-03T22:12:00+02:00")]
    public void TryDecode_MeterZoneWithDst_EachRecordGetsTheOffsetOfItsOwnTime(string line, string measuredAt)
    {
        Assert.True(DeviceFrameDecoder.TryDecode("onetouch-ultra2", line, Berlin, out var json, out var error), error);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(measuredAt, document.RootElement.GetProperty("measuredAt").GetString());
    }
}
