namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// The one place the dashboard asks for a patient's targets (charts, control rate, reading colours):
/// <see cref="RegistryCareTargetSource"/> (the care plan, or the defaults for the patient's age and conditions).
/// </summary>
internal interface ICareTargetSource
{
    /// <param name="patientId">Null for an unassigned reading: the guideline defaults apply.</param>
    ValueTask<CareTargets> ForPatientAsync(string? patientId, CancellationToken ct);

    /// <summary>Drops what is remembered of a patient (their care plan was just changed here).</summary>
    void Forget(string patientId);
}
