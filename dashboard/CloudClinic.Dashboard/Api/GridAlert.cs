namespace CloudClinic.Dashboard.Api;

/// <summary>
/// One unresolved alert about a person of the grid. <see cref="PatientName"/> is the masked name (张*华);
/// <see cref="Flags"/> are the meter's flags on the reading (cuff loose, irregular pulse …).
/// </summary>
internal sealed record GridAlert(
    string AlertId,
    string Rule,
    string Severity,
    string State,
    string? PatientId,
    string? PatientName,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyList<string> Flags,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgeNote,
    bool CanAct);
