namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The value of <c>alerts.OpenKey</c> (unique) while an alert is open: one per (patient, rule), one per gateway, and
/// one per reading when there is no patient to group by (an unassigned 182/112 must not merge with someone else's).
/// </summary>
internal static class AlertKeys
{
    public static string Patient(string rule, string patientId) => $"{rule}|patient|{patientId}";

    public static string Reading(string rule, string readingId) => $"{rule}|reading|{readingId}";

    public static string Gateway(string clinicId, string gatewayId) => $"{Rules.RuleIds.GatewayOffline}|gateway|{clinicId}/{gatewayId}";
}
