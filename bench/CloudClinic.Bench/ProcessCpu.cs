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
}
