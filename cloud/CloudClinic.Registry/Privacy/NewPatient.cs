namespace CloudClinic.Registry.Privacy;

/// <summary>A patient to register; the personal fields are encrypted before they reach the database.</summary>
public sealed record NewPatient(
    string Id,
    string ClinicId,
    string? GridId,
    DateOnly BirthDate,
    string Name,
    string? NationalId,
    string? Phone,
    string? ResponsibleDoctorId,
    IReadOnlyCollection<string> Conditions)
{
    /// <summary>Only the pseudonymous id: a logged NewPatient must not leak a name or ID number.</summary>
    public override string ToString() => $"NewPatient {{ Id = {Id}, ClinicId = {ClinicId} }}";
}
