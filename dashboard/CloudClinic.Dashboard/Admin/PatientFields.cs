namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// A validated <see cref="PatientInput"/>: null name/national ID/phone/card code = keep the stored value;
/// <see cref="RemovePhone"/>/<see cref="RemoveCard"/> = delete it; a null birth date and the Keep… flags (edit only, for fields not sent) keep the stored values.
/// </summary>
internal sealed record PatientFields(
    string? Name,
    string? NationalId,
    string? Phone,
    bool RemovePhone,
    DateOnly? BirthDate,
    string? GridId,
    IReadOnlyList<string> Conditions,
    string? ResponsibleDoctorId,
    string? CardCode,
    bool RemoveCard,
    bool KeepGrid = false,
    bool KeepDoctor = false,
    bool KeepConditions = false)
{
    public override string ToString() => "PatientFields { (personal data not shown) }";
}
