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
}
