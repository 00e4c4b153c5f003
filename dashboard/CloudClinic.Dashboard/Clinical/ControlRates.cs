using CloudClinic.Storage;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// Control rates from the store's daily aggregates. A day is in target when its mean is below the patient's target:
/// blood pressure both mean systolic and mean diastolic; glucose every meal context's mean against that context's
/// limit (fasting and non-fasting differ, DESIGN.md §6).
/// </summary>
internal sealed record ControlRates(ControlRate BloodPressure, ControlRate Glucose)
{
    public static ControlRates From(IReadOnlyList<DailyBloodPressure> bloodPressure, IReadOnlyList<DailyGlucose> glucose, CareTargets targets)
    {
        ArgumentNullException.ThrowIfNull(bloodPressure);
        ArgumentNullException.ThrowIfNull(glucose);
        var bpInTarget = bloodPressure.Count(d => ReadingClassifier.BloodPressureInTarget(d.MeanSystolicMmHg, d.MeanDiastolicMmHg, targets));
        var glucoseDays = glucose.GroupBy(d => d.Day).ToList();
        var glucoseInTarget = glucoseDays.Count(day => day.All(d => ReadingClassifier.GlucoseInTarget(d.MeanMmolL, d.Meal, targets)));
        return new ControlRates(
            new ControlRate(bloodPressure.Select(d => d.Day).Distinct().Count(), bpInTarget),
            new ControlRate(glucoseDays.Count, glucoseInTarget));
    }
}
