namespace CloudClinic.Dashboard.Clinical;

/// <summary>Every patient gets the guideline defaults (DESIGN.md §6) until the registry supplies care plans.</summary>
internal sealed class GuidelineCareTargetSource : ICareTargetSource
{
    public ValueTask<CareTargets> ForPatientAsync(string? patientId, CancellationToken ct) => ValueTask.FromResult(GuidelineDefaults.Targets);
}
