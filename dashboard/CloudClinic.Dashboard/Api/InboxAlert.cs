namespace CloudClinic.Dashboard.Api;

/// <summary>
/// One alert as the inbox lists it (open ones, and resolved ones in its history) (from the registry's alerts table). <see cref="PatientName"/> is
/// the masked display name (张*华), never the protected one.
/// </summary>
internal sealed record InboxAlert(
    string AlertId,
    string Rule,
    string Severity,
    string State,
    string ClinicId,
    string? PatientId,
    string? PatientName,
    string? GridId,
    string? GatewayId,
    string? Station,
    IReadOnlyDictionary<string, double> Values,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgeNote,
    DateTimeOffset? SnoozedUntil,
    bool CanAct,
    DateTimeOffset? ResolvedAt = null,
    string? ResolvedBy = null,
    string? ResolveNote = null);
