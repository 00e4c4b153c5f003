namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// The one place the dashboard asks for a patient's targets (charts, control rate, reading colours). The registry's
/// care plan replaces <see cref="GuidelineCareTargetSource"/> by registering another implementation.
/// </summary>
internal interface ICareTargetSource
{
    /// <param name="patientId">Null for an unassigned reading: the guideline defaults apply.</param>
    ValueTask<CareTargets> ForPatientAsync(string? patientId, CancellationToken ct);
}
