using System.Globalization;

namespace CloudClinic.Bench;

/// <summary>CPU time a child process has used so far, from /proc/PID/stat (utime + stime, proc(5)).</summary>
internal static class ProcessCpu
{
    public static TimeSpan Used(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>
    /// Waits until the process uses under 5% of a core over a one-second window (its background JIT done), at most
    /// <paramref name="limit"/>; returns how long it was busy (zero if idle in the first window).
    /// </summary>
    public static async Task<TimeSpan> WaitUntilIdleAsync(int pid, TimeSpan limit)
    {
        var window = TimeSpan.FromSeconds(1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = Used(pid);
        while (clock.Elapsed < limit)
        {
            await Task.Delay(window);
            var now = Used(pid);
            if (now - before < window * 0.05)
            {
                // Task.Delay may end a hair early: never report a negative time.
                return clock.Elapsed > window ? clock.Elapsed - window : TimeSpan.Zero;
            }

            before = now;
        }

        return clock.Elapsed;
    }
}
