namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// A patient in the admin list: the masked name only, and whether an ID number, phone and card are on file — never
/// their values (the admin cannot read back what was typed in; they overwrite it).
/// </summary>
internal sealed record AdminPatient(
    string Id,
    string ClinicId,
    string MaskedName,
    DateOnly BirthDate,
    string? GridId,
    IReadOnlyList<string> Conditions,
    string? ResponsibleDoctorId,
    bool HasNationalId,
    bool HasPhone,
    bool HasCard,
    bool HasCarePlan);
