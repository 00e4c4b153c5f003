using System.Globalization;
using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// The audit detail of a care-plan change: every number that differs, before → after, and whether the plan in force
/// before was an individual one or the guideline defaults. Numbers and field names only (no name or ID number); the
/// same values as the care_plans row, under the same pseudonymous patient id.
/// </summary>
internal static class CarePlanChange
{
    public static string Describe(CarePlanTargets before, bool beforeIndividual, CarePlanTargets after, bool afterIndividual)
    {
        var changed = CarePlanLimits.Numbers(before).Zip(CarePlanLimits.Numbers(after))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Field} {Format(pair.First.Value)}->{Format(pair.Second.Value)}");
        return $"{Kind(beforeIndividual)}->{Kind(afterIndividual)}: {string.Join("; ", changed.DefaultIfEmpty("no number changed"))}";
    }

    private static string Kind(bool individual) => individual ? "individual" : "defaults";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
