using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// A patient's care plan for the admin page: what applies now (<see cref="Current"/>, an individual plan or the defaults),
/// and the guideline defaults for their age and conditions (<see cref="CarePlanDefaults"/>) to compare and reset to.
/// </summary>
internal sealed record CarePlanView(string PatientId, string MaskedName, bool Individual, CarePlanTargets Current, CarePlanTargets Defaults);
