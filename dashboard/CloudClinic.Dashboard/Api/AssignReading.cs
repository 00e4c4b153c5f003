namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Body of <c>POST /api/unassigned/assign</c>: which of the clinic's unassigned readings goes to which of its
/// patients. <see cref="Clinic"/> may be left out: the user's own clinic (or <c>Dashboard:DefaultClinicId</c>).
/// </summary>
internal sealed record AssignReading(string? Clinic, string? ReadingId, string? PatientId)
{
    /// <summary>As the ingest's validator allows (and like it, no control characters).</summary>
    public const int MaxReadingIdLength = 256;

    public const int MaxPatientIdLength = 128;
}
