namespace CloudClinic.Dashboard.Auth;

/// <summary>Where a registered patient belongs: what decides who may see them.</summary>
internal sealed record PatientPlace(string ClinicId, string? GridId);
