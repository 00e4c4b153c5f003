using CloudClinic.Alerts.Rules;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.Simulation;

namespace CloudClinic.Dashboard.Demo;

/// <summary>
/// Picks the seed of a simulated meter so the newcomer sees the whole flow within a minute: a normal reading
/// first, then an urgent blood pressure that raises the BP-urgent alert. The simulated meter is deterministic for
/// a seed (<see cref="PlausibleReadingGenerator"/>), so the seed is found by replaying its first records here.
/// </summary>
internal static class DemoSeeds
{
    private const int MaxSeed = 100_000;

    /// <summary>A seed whose record <paramref name="urgentRecord"/> (1-based) is its first urgent blood pressure.</summary>
    public static int UrgentBloodPressureAt(int urgentRecord)
    {
        for (var seed = 1; seed <= MaxSeed; seed++)
        {
            // The same calls, in the same order, as SimulatedMeterLink makes for its first records.
            var generator = new PlausibleReadingGenerator(seed);
            var first = Enumerable.Range(1, urgentRecord)
                .Select(record => IsUrgentBloodPressure(generator.Next("SIM", record, null)))
                .ToList();
            if (first[^1] && !first[..^1].Contains(true))
            {
                return seed;
            }
        }

        throw new InvalidOperationException($"no simulator seed up to {MaxSeed} gives an urgent reading at record {urgentRecord}");
    }

    private static bool IsUrgentBloodPressure(MeterRecord record) =>
        record is BloodPressureRecord bp
        && (Math.Round(bp.SystolicMmHg) >= BpUrgentRule.SystolicUrgentMmHg || Math.Round(bp.DiastolicMmHg) >= BpUrgentRule.DiastolicUrgentMmHg);
}
