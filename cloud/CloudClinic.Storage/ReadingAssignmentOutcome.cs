namespace CloudClinic.Storage;

/// <summary>What <see cref="IReadingStore.AssignAsync"/> found and did.</summary>
public enum ReadingAssignmentOutcome
{
    /// <summary>The reading was unassigned (or half re-keyed by an interrupted call) and now belongs to the patient.</summary>
    Assigned,

    /// <summary>The reading already belonged to this patient: nothing changed.</summary>
    AlreadyAssigned,

    /// <summary>The reading belongs to another patient: nothing changed (re-assigning is not an assignment).</summary>
    AssignedToOther,

    /// <summary>The clinic has no reading with this id.</summary>
    NotFound,
}
