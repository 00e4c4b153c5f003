namespace CloudClinic.Registry.Model;

/// <summary>Who changed what, when. Never holds personal data: ids and rule names only.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A user id, or "engine" for automatic changes.</summary>
    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? ClinicId { get; set; }

    public string? Detail { get; set; }
}
