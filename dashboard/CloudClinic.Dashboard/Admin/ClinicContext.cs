namespace CloudClinic.Dashboard.Admin;

/// <summary>What a patient's fields are checked against: the clinic's grids (by id and by name) and doctors.</summary>
internal sealed record ClinicContext(
    string ClinicId,
    IReadOnlyDictionary<string, string> GridIdsByIdOrName,
    IReadOnlySet<string> DoctorIds,
    DateOnly Today);
