using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Dashboard.Configuration;

/// <summary>Settings of the dashboard host itself (<c>Dashboard:*</c>).</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Clinic shown when a request names none. Until sign-in arrives (a later issue) this is how a single-clinic
    /// install and the demo choose what the wall shows; the page can still ask for any clinic with <c>?clinic=</c>.
    /// </summary>
    [RegularExpression("^[a-z0-9-]{1,64}$", ErrorMessage = "Dashboard:DefaultClinicId must match [a-z0-9-]{1,64} (DESIGN.md §3).")]
    public string? DefaultClinicId { get; set; }

    /// <summary>How long the relay waits between broker connection checks (and reconnect attempts).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Dashboard:RelayReconnectDelay must be between 50 ms and 10 minutes.")]
    public TimeSpan RelayReconnectDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Upper bound for <c>limit</c> on <c>/api/readings/latest</c>, so one request cannot pull a year.</summary>
    [Range(1, 5000, ErrorMessage = "Dashboard:MaxLatestReadings must be between 1 and 5000.")]
    public int MaxLatestReadings { get; set; } = 500;

    /// <summary>
    /// IANA time zone of the clinic: what "today" on the wall means and how every page shows times (DESIGN.md §7).
    /// Checked at start-up by <see cref="DashboardOptionsValidator"/>.
    /// </summary>
    [Required(ErrorMessage = "Dashboard:TimeZone is required (an IANA zone such as Asia/Shanghai).")]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
