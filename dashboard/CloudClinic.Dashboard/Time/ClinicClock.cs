using CloudClinic.Dashboard.Configuration;
using CloudClinic.Storage;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Time;

/// <summary>
/// "Today" and "the last N days" in the clinic's time zone (<c>Dashboard:TimeZone</c>), from the injected clock.
/// The wall shows the clinic's day, not the browser's or the server's.
/// </summary>
internal sealed class ClinicClock(IOptions<DashboardOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string TimeZoneId => options.Value.TimeZone;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>The <paramref name="days"/> local days ending today (today included).</summary>
    public LocalDayRange LastDays(int days)
    {
        var today = Today;
        return LocalDayRange.InZone(today.AddDays(1 - days), today, _zone);
    }
}
