namespace CloudClinic.Edge.Devices.Clock;

/// <summary>
/// Meters keep local wall-clock time with no offset on the wire. This places such a time in the station's time zone
/// using the UTC offset in force AT THAT TIME (a reading taken before a DST or zone change keeps its own offset; the
/// gateway's offset today would shift it), and tells an unset clock from a real one.
/// </summary>
public static class MeterClock
{
    /// <summary>
    /// Serial meters keep two-digit years, and a clock that was never set (or lost its battery) comes up in 2000 —
    /// the serial counterpart of GATT's "year 0 = unknown" (DESIGN.md §5). No supported meter predates 2001.
    /// </summary>
    public const int FirstTrustedYear = 2001;

    public static bool IsSet(DateTime meterLocalTime) => meterLocalTime.Year >= FirstTrustedYear;

    /// <summary>
    /// The offset of <paramref name="zone"/> at <paramref name="meterLocalTime"/>. Meters do not follow DST: a wall time
    /// in a spring-forward gap gets the offset in force just before the gap; an ambiguous (repeated) time gets the
    /// larger offset, i.e. its first occurrence.
    /// </summary>
    public static TimeSpan OffsetAt(DateTime meterLocalTime, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(meterLocalTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return zone.GetUtcOffset(local.AddHours(-3));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return zone.GetAmbiguousTimeOffsets(local).Max();
        }

        return zone.GetUtcOffset(local);
    }

    /// <summary>The meter time as an instant, or null when the clock is unset (<see cref="IsSet"/>).</summary>
    public static DateTimeOffset? ToInstant(DateTime meterLocalTime, TimeZoneInfo zone)
    {
        if (!IsSet(meterLocalTime))
        {
            return null;
        }

        var local = DateTime.SpecifyKind(meterLocalTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, OffsetAt(local, zone));
    }

    /// <summary>A zone with one fixed offset, for callers that only know an offset.</summary>
    public static TimeZoneInfo FixedZone(TimeSpan offset)
    {
        var name = offset < TimeSpan.Zero ? $"UTC-{offset:hh\\:mm}" : $"UTC+{offset:hh\\:mm}";
        return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
    }
}
