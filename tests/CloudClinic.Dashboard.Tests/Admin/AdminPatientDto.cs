namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>A listed or created patient (masked name only).</summary>
public sealed record AdminPatientDto(string Id, string ClinicId, string MaskedName, bool HasCard);
