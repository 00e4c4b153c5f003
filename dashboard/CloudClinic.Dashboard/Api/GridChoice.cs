namespace CloudClinic.Dashboard.Api;

/// <summary>A grid the signed-in user may open on the grid page.</summary>
internal sealed record GridChoice(string GridId, string Name, string ClinicId);
