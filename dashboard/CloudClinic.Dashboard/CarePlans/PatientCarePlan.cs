using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// The patient page's care-plan panel: the plan (<see cref="CarePlanView"/>, shared with the admin page), whether this
/// user may change it, where the blood-pressure default comes from (<see cref="BloodPressureBasis"/> code, shown in the
/// user's language), the responsible doctor and the last change by name, and the ranges the edit form enforces.
/// </summary>
internal sealed record PatientCarePlan(
    CarePlanView Plan,
    bool CanEdit,
    string BloodPressureBasis,
    string? ResponsibleDoctor,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<CarePlanFieldRange> Limits)
{
    public const string GeneralBasis = "general";
    public const string VeryElderlyBasis = "age80";
    public const string DiabetesBasis = "diabetes";

    /// <summary>Which row of <see cref="CarePlanDefaults.For"/> gave the blood-pressure default (its targets differ per row).</summary>
    public static string BasisOf(CarePlanTargets defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults.SystolicTargetMmHg switch
        {
            CarePlanDefaults.VeryElderlySystolicTargetMmHg => VeryElderlyBasis,
            CarePlanDefaults.DiabetesSystolicTargetMmHg => DiabetesBasis,
            _ => GeneralBasis,
        };
    }
}
