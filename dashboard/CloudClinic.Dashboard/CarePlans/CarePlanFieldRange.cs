namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// The allowed range of one care-plan number (<see cref="CarePlanLimits"/>), sent to the patient page so its form checks
/// the same bounds the server does (the numbers live only in <see cref="CarePlanLimits"/>).
/// </summary>
/// <param name="Field">The <c>CarePlanTargets</c> property in camelCase, as on the wire.</param>
internal sealed record CarePlanFieldRange(string Field, double Min, double Max);
