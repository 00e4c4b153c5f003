namespace CloudClinic.Dashboard.Admin;

/// <summary>A grid (网格) of a clinic; also the body of <c>POST /api/admin/grids</c>.</summary>
internal sealed record AdminGrid(string? Id, string? ClinicId, string? Name);
