using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Alerts.Roster;

/// <summary>The <c>Alerts:Roster</c> section: how the check-in roster (issue 4 item 3) is kept fresh on the broker.</summary>
public sealed class RosterOptions
{
    public const string SectionName = "Alerts:Roster";

    /// <summary>
    /// Re-reads every clinic's roster this often and republishes the ones that changed: catches changes made by another
    /// host (a second dashboard, the add-user tool) that cannot signal this one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Alerts:Roster:RefreshInterval must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait before trying again after the broker or the registry failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Alerts:Roster:RetryDelay must be between 00:00:00.010 and 00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
