namespace CloudClinic.Alerts.Webhooks;

/// <summary>
/// What the registry adds to an alert event for a robot message: the patient's masked name (张*华, never the full
/// name, ID number or phone), the clinic's name and its time zone (the group reads local time).
/// </summary>
internal sealed record WebhookAlertContext(string? MaskedName, string ClinicName, TimeZoneInfo TimeZone);
