using CloudClinic.Contracts;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// A meter's stored results, newest first, from a seed: the same arguments give the same memory in every run, so a
/// simulator restarted after an "unplug" holds exactly what the first one held.
/// </summary>
internal static class MeterMemory
{
    private static readonly string[] Meals = [MealContexts.Unknown, MealContexts.Preprandial, MealContexts.Postprandial];

    /// <param name="newest">Meter local time of the newest result.</param>
    /// <param name="withSeconds">False for meters that keep minutes only.</param>
    public static IReadOnlyList<StoredResult> Generate(int count, int seed, DateTime newest, bool withSeconds)
    {
        var random = new Random(seed);
        // About three hours apart: 500 results span two months, as a clinic's meter would.
        var step = withSeconds ? new TimeSpan(3, 7, 13) : new TimeSpan(3, 7, 0);
        var start = withSeconds ? newest : newest.AddSeconds(-newest.Second);
        return [.. Enumerable.Range(0, count).Select(i => new StoredResult(start - (step * i), random.Next(60, 351), Meals[random.Next(Meals.Length)]))];
    }
}
