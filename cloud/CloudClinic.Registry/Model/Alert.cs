namespace CloudClinic.Registry.Model;

/// <summary>
/// One alert and its lifecycle (DESIGN.md §6): open → acknowledged → resolved. <see cref="OpenKey"/> is set while
/// the alert is not resolved and is unique, so the database itself refuses a second open alert per (patient, rule).
/// </summary>
public sealed class Alert
{
    public string Id { get; set; } = "";

    public string Rule { get; set; } = "";

    public string Severity { get; set; } = "";

    /// <summary>open, acknowledged or resolved (the contract's AlertStates).</summary>
    public string State { get; set; } = "";

    public string ClinicId { get; set; } = "";

    public string? PatientId { get; set; }

    public string? GridId { get; set; }

    public string? GatewayId { get; set; }

    public string? Station { get; set; }

    public string? ResponsibleDoctorId { get; set; }

    /// <summary>"{rule}|{patient}" (or a gateway / single-reading key) while open; null once resolved.</summary>
    public string? OpenKey { get; set; }

    /// <summary>JSON arrays/objects of the readings, values and meter flags that raised or updated it.</summary>
    public string ReadingIdsJson { get; set; } = "[]";

    public string ValuesJson { get; set; } = "{}";

    public string FlagsJson { get; set; } = "[]";

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Newest <c>measuredAt</c> that fired it: an older reading replayed late never resolves it.</summary>
    public DateTimeOffset? LastReadingAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? AcknowledgeNote { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>A user id, or "engine" for an automatic resolution.</summary>
    public string? ResolvedBy { get; set; }

    public string? ResolveNote { get; set; }

    public int EscalationLevel { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }
}
