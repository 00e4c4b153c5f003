using CloudClinic.Contracts;

namespace CloudClinic.Storage;

/// <summary>
/// One local day of a patient's glucose readings with one meal context (<see cref="MealContexts"/>; null = the
/// meter sent none), in mmol/L. Fasting and non-fasting targets differ, so days are split by meal, never mixed.
/// </summary>
public sealed record DailyGlucose(DateOnly Day, string? Meal, int Count, double MeanMmolL, double MinMmolL, double MaxMmolL)
{
    public bool IsFasting => Meal == MealContexts.Fasting;
}
