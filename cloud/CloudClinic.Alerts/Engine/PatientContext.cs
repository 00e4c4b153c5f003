using CloudClinic.Alerts.CarePlans;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Engine;

/// <summary>A known patient with the plan in force (a doctor's, or the defaults for age and conditions).</summary>
internal sealed record PatientContext(Patient Patient, CarePlanTargets Plan);
