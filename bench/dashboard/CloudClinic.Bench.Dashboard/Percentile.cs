namespace CloudClinic.Bench.Dashboard;

/// <summary>Nearest-rank percentile of sorted values.</summary>
internal static class Percentile
{
    public static double Of(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
