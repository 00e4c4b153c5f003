using System.ComponentModel.DataAnnotations;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Api;

/// <summary>Body of <c>POST /api/grid/tasks/{id}/close</c>: <c>visited</c> or <c>called</c> (<see cref="CareTaskOutcomes"/>) and an optional note.</summary>
internal sealed record TaskClose(
    string? Outcome,
    [property: MaxLength(CareTask.MaxNoteLength)] string? Note);
