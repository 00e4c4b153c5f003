using CloudClinic.Dashboard.Admin;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>What <see cref="CarePlanEditor.SaveAsync"/> did: the plan now in force, or why nothing was saved.</summary>
internal sealed record CarePlanSaved(CarePlanView? View, IReadOnlyList<FieldError> Errors);
