using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Dashboard.Api;

/// <summary>Body of acknowledge / resolve / snooze: a note, and for a snooze how long.</summary>
internal sealed record AlertAction(
    [property: MaxLength(AlertAction.MaxNoteLength)] string? Note,
    int? SnoozeMinutes)
{
    public const int MaxNoteLength = 500;
}
