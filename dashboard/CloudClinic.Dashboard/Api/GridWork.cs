namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>GET /api/grid/work</c>: what the grid worker's phone page shows for one grid (DESIGN.md §7): open alerts about
/// the grid's people and their open "not measured" tasks, plus the grids the user may pick (one for a grid worker).
/// <see cref="GridId"/> is null when the user may see no grid at all.
/// </summary>
internal sealed record GridWork(
    string? GridId,
    string? GridName,
    string? ClinicId,
    IReadOnlyList<GridChoice> Grids,
    IReadOnlyList<GridAlert> Alerts,
    IReadOnlyList<GridTask> Tasks,
    DateTimeOffset Now);
