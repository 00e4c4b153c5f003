namespace CloudClinic.Contracts;

/// <summary>An alert lifecycle event on <c>cloudclinic/v1/{clinic}/alerts</c> (DESIGN.md §3, §6).</summary>
public sealed record AlertEventMessage
{
    public const string SchemaV1 = "cloudclinic.alert/1";

    public required string Schema { get; init; }

    /// <summary><see cref="AlertEvents"/>.</summary>
    public required string Event { get; init; }

    public required string AlertId { get; init; }

    /// <summary>Rule id, e.g. <c>bp-urgent</c>.</summary>
    public required string Rule { get; init; }

    /// <summary><see cref="AlertSeverities"/>.</summary>
    public required string Severity { get; init; }

    /// <summary><see cref="AlertStates"/>.</summary>
    public required string State { get; init; }

    public required string ClinicId { get; init; }

    public string? PatientId { get; init; }

    /// <summary>Gateway and station of the reading, so an unassigned urgent reading can be found in the room.</summary>
    public string? GatewayId { get; init; }

    public string? Station { get; init; }

    public IReadOnlyList<string> ReadingIds { get; init; } = [];

    /// <summary>What was measured, by wire field name (e.g. systolic, diastolic, mmolL).</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>Meter flags of the triggering reading (irregular pulse, cuff loose …).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public required DateTimeOffset At { get; init; }

    /// <summary>Who acted, for human actions.</summary>
    public string? By { get; init; }

    public string? Note { get; init; }

    // Additive in v1 (absent = unknown, so older consumers and producers stay valid):

    /// <summary>Grid of the patient, so a grid worker's page gets only its own people.</summary>
    public string? GridId { get; init; }

    /// <summary><see cref="AlertAudiences"/> to notify (DESIGN.md §6 "to" column), widened on escalation.</summary>
    public IReadOnlyList<string>? Audience { get; init; }

    /// <summary>The patient's responsible doctor (a registry user id), first in line for warnings.</summary>
    public string? ResponsibleDoctorId { get; init; }

    /// <summary>0 until escalated; 1 after the first escalation.</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>While set and in the future the (patient, rule) is snoozed: show the event, do not ring.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }
}
