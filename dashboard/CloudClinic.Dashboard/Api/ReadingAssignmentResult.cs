using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Answer of a successful assignment: <see cref="Outcome"/> is <c>assigned</c> (re-keyed now) or
/// <c>alreadyAssigned</c> (it was this patient's already: nothing changed), with the reading as stored.
/// </summary>
internal sealed record ReadingAssignmentResult(string Outcome, ReadingMessage Reading)
{
    public const string Assigned = "assigned";
    public const string AlreadyAssigned = "alreadyAssigned";
}
