using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary><c>Edge:CheckIn</c>: how check-in sessions bind readings to patients (DESIGN.md §5).</summary>
internal sealed class CheckInOptions
{
    public const string SectionName = "Edge:CheckIn";

    /// <summary>How long a check-in keeps a station bound to the patient: long enough for a repeated BP measurement.</summary>
    [TimeSpanRange("00:01:00", "04:00:00", ErrorMessage = "Edge:CheckIn:SessionDuration must be between 1 minute and 4 hours")]
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A reading measured this long before the check-in still belongs to it: a meter's clock may be a few minutes off
    /// (drift is flagged beyond 5 min). Older records — a glucose meter's memory dumped during the session — stay
    /// unassigned rather than be given to whoever is checked in now.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:30:00", ErrorMessage = "Edge:CheckIn:MeasuredBeforeGrace must be between 0 and 30 minutes")]
    public TimeSpan MeasuredBeforeGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Serial barcode/QR scanners reading patient cards, each for one station.</summary>
    public List<CardScannerOptions> Scanners { get; set; } = [];
}
