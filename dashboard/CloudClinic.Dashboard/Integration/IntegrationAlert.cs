namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// An alert from the registry (DESIGN.md §6). The free-text notes doctors type are left out: they may name people,
/// and integrations get ids and values only.
/// </summary>
internal sealed record IntegrationAlert(
    string AlertId,
    string Rule,
    string Severity,
    string State,
    string ClinicId,
    string? PatientId,
    string? GridId,
    string? GatewayId,
    string? Station,
    IReadOnlyDictionary<string, double> Values,
    string[] ReadingIds,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    int EscalationLevel);
