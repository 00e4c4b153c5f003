namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>Who opened a check-in session: shown on the local page and kept with the session.</summary>
internal enum CheckInSource
{
    /// <summary>A nurse or the patient picked the patient on the gateway's local page.</summary>
    Kiosk,

    /// <summary>A patient card was scanned at the station.</summary>
    Scanner,

    /// <summary>The <c>check-in</c> command from the dashboard.</summary>
    Command,
}
