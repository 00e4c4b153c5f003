using CloudClinic.Contracts;

namespace CloudClinic.Storage;

/// <summary>
/// The result of <see cref="IReadingStore.AssignAsync"/>: the outcome and the reading as stored afterwards (with its
/// patient, or the other patient's for <see cref="ReadingAssignmentOutcome.AssignedToOther"/>); null when not found.
/// </summary>
public sealed record ReadingAssignment(ReadingAssignmentOutcome Outcome, ReadingMessage? Reading)
{
    public static ReadingAssignment NotFound { get; } = new(ReadingAssignmentOutcome.NotFound, null);
}
