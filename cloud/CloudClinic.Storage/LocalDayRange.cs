namespace CloudClinic.Storage;

/// <summary>
/// Whole local days, <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive, at a fixed UTC offset: a reading
/// belongs to the day its <c>measuredAt</c> falls on at that offset (at +08:00, 23:30 local is still that day).
/// A fixed offset because InfluxQL's <c>GROUP BY time(1d, offset)</c> is the grouping every InfluxDB serves;
/// clinics are in Asia/Shanghai, fixed +08:00 since 1991 (IANA tzdata).
/// </summary>
public sealed record LocalDayRange
{
    /// <summary>Longest range a query may ask for; the dashboard shows 7/30/90 days (DESIGN.md §8).</summary>
    public const int MaxDays = 1000;

    private static readonly DateOnly Earliest = new(1971, 1, 1);
    private static readonly DateOnly Latest = new(2200, 12, 31);
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <param name="utcOffset">Whole minutes, within ±14 h (the range of real zones).</param>
    public LocalDayRange(DateOnly firstDay, DateOnly lastDay, TimeSpan utcOffset)
    {
        if (firstDay < Earliest || lastDay > Latest)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDay), $"days must lie in {Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}");
        }

        if (lastDay < firstDay || lastDay.DayNumber - firstDay.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(lastDay), $"lastDay must be on or after firstDay and at most {MaxDays} days in all");
        }

        if (utcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || utcOffset.Duration() > MaxOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), "the UTC offset must be whole minutes within ±14 h");
        }

        FirstDay = firstDay;
        LastDay = lastDay;
        UtcOffset = utcOffset;
    }

    public DateOnly FirstDay { get; }

    public DateOnly LastDay { get; }

    public TimeSpan UtcOffset { get; }

    /// <summary>Local midnight starting <see cref="FirstDay"/> (inclusive).</summary>
    public DateTimeOffset Start => new(FirstDay.ToDateTime(TimeOnly.MinValue), UtcOffset);

    /// <summary>Local midnight after <see cref="LastDay"/> (exclusive).</summary>
    public DateTimeOffset End => new(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), UtcOffset);

    /// <summary>
    /// The range in an IANA zone (e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")</c>). Throws when the
    /// zone changes its offset inside the range (daylight saving): fixed-offset day grouping would be wrong there.
    /// </summary>
    public static LocalDayRange InZone(DateOnly firstDay, DateOnly lastDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(firstDay.ToDateTime(TimeOnly.MinValue));
        var range = new LocalDayRange(firstDay, lastDay, offset);
        for (var day = firstDay.AddDays(1); day <= lastDay.AddDays(1); day = day.AddDays(1))
        {
            if (zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)) != offset)
            {
                throw new ArgumentException($"time zone {zone.Id} changes its UTC offset on {day:yyyy-MM-dd}; ask per offset period", nameof(zone));
            }
        }

        return range;
    }

    /// <summary>The local day of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);
}
