using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>A care plan view.</summary>
public sealed record CarePlanViewDto(string PatientId, bool Individual, CarePlanTargets Current, CarePlanTargets Defaults);
