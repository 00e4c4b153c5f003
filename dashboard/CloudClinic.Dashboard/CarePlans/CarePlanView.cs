using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// A patient's care plan: what applies now (<see cref="Current"/>, an individual plan or the defaults), and the
/// guideline defaults for their age and conditions (<see cref="CarePlanDefaults"/>) to compare and reset to.
/// The admin page gets it as is; the patient page inside <see cref="PatientCarePlan"/>.
/// </summary>
internal sealed record CarePlanView(string PatientId, string MaskedName, bool Individual, CarePlanTargets Current, CarePlanTargets Defaults);
