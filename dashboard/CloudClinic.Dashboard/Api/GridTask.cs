namespace CloudClinic.Dashboard.Api;

/// <summary>
/// One grid-worker task (a registry CareTask), e.g. "not measured for 7 days: remind or visit".
/// <see cref="DaysNotMeasured"/> counts whole days since the last reading (since registration when there was none,
/// <see cref="LastMeasuredAt"/> null). <see cref="Outcome"/> and <see cref="Note"/> are set once a person closed it.
/// </summary>
internal sealed record GridTask(
    long TaskId,
    string AlertId,
    string Kind,
    string State,
    string? PatientId,
    string? PatientName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastMeasuredAt,
    int DaysNotMeasured,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? Outcome,
    string? Note,
    bool CanClose);
