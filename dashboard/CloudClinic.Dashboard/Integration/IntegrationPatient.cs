namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// A registered patient as integrations see them: the pseudonymous id and the masked name only (PIPL, DESIGN.md §1);
/// the protected name, national ID number and phone never leave the registry through this API.
/// </summary>
internal sealed record IntegrationPatient(
    string PatientId,
    string ClinicId,
    string? GridId,
    string MaskedName,
    string[] Conditions,
    DateTimeOffset? LastMeasuredAt,
    DateTimeOffset? LastBloodPressureAt);
