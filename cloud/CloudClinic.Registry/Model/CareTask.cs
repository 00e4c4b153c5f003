namespace CloudClinic.Registry.Model;

/// <summary>
/// Work for a person, e.g. "visit or remind: not measured for 7 days" for the grid worker of the patient's grid.
/// It closes itself when its alert resolves (a reading arrived), like CHT's <c>resolvedIf</c>.
/// </summary>
public sealed class CareTask
{
    public long Id { get; set; }

    public string AlertId { get; set; } = "";

    public string ClinicId { get; set; } = "";

    public string? PatientId { get; set; }

    public string? GridId { get; set; }

    /// <summary><see cref="UserRoles"/> of whoever should act.</summary>
    public string AssigneeRole { get; set; } = "";

    public string? AssigneeUserId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary><see cref="CareTaskStates"/>.</summary>
    public string State { get; set; } = CareTaskStates.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary><see cref="CareTaskOutcomes"/> when a person closed it (the grid worker's phone page); null when the engine did.</summary>
    public string? Outcome { get; set; }

    /// <summary>Free text from whoever closed it, at most <see cref="MaxNoteLength"/> characters.</summary>
    public string? Note { get; set; }

    public const int MaxNoteLength = 500;
}
