using CloudClinic.Dashboard.Tests.Admin;

namespace CloudClinic.Dashboard.Tests.CarePlans;

/// <summary>The patient page's care plan as a client reads it.</summary>
public sealed record PatientCarePlanDto(
    CarePlanViewDto Plan, bool CanEdit, string BloodPressureBasis, string? ResponsibleDoctor, DateTimeOffset? UpdatedAt, string? UpdatedBy, List<FieldRangeDto> Limits);
