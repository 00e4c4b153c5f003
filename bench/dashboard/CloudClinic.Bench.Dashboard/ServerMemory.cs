using System.Globalization;

namespace CloudClinic.Bench.Dashboard;

/// <summary>Resident set size of a process from /proc/PID/status (Linux): VmRSS now, VmHWM the peak.</summary>
internal static class ServerMemory
{
    public static (double RssMiB, double PeakMiB) Read(int pid)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line);
            }
        }

        return (rss / 1024, peak / 1024);
    }

    private static double Kib(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
