namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// A patient as an admin types it (<c>POST/PUT /api/admin/patients</c>) or a CSV row holds it, not yet validated.
/// On an edit, a field left out (null) keeps the stored value (the admin never sees name, ID or phone); an empty phone,
/// card code, grid or doctor removes it.
/// </summary>
internal sealed record PatientInput
{
    public string? Name { get; init; }

    public string? NationalId { get; init; }

    public string? Phone { get; init; }

    /// <summary>yyyy-MM-dd; may be left out when the national ID (which encodes it) is given.</summary>
    public string? BirthDate { get; init; }

    /// <summary>The grid's id or name within the clinic; empty for none.</summary>
    public string? Grid { get; init; }

    /// <summary>hypertension/高血压, diabetes/糖尿病.</summary>
    public IReadOnlyList<string>? Conditions { get; init; }

    /// <summary>The user id of a doctor of the clinic; empty for none.</summary>
    public string? ResponsibleDoctorId { get; init; }

    public string? CardCode { get; init; }

    /// <summary>Only for a create by a county admin: the clinic (a clinic admin's own otherwise).</summary>
    public string? ClinicId { get; init; }

    public override string ToString() => "PatientInput { (personal data not shown) }";
}
