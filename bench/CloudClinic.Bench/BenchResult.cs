namespace CloudClinic.Bench;

/// <summary>One row of the table: readings sent and counted in InfluxDB, over the time from first publish to last point.</summary>
internal sealed record BenchResult(string Name, long Sent, long Stored, TimeSpan Elapsed, string Note = "", CpuUse? Cpu = null)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Stored / Elapsed.TotalSeconds : 0;

    public long Lost => Sent - Stored;
}

/// <summary>
/// CPU time each process spent over a measured stream (/proc), null for a process the run does not have. On two cores
/// shared by all three, the rates follow these sums: a consumer's CPU per reading is what the ratios can move.
/// </summary>
internal sealed record CpuUse(TimeSpan? Consumer, TimeSpan? Broker, TimeSpan Influxd)
{
    /// <summary>Microseconds per reading of each process and of all together, "-" for one the run does not have.</summary>
    public string[] MicrosPerReading(long readings)
    {
        string Micros(TimeSpan? cpu) => cpu is { } used && readings > 0
            ? (used.TotalMilliseconds * 1000 / readings).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
            : "-";

        return [Micros(Consumer), Micros(Broker), Micros(Influxd), Micros((Consumer ?? TimeSpan.Zero) + (Broker ?? TimeSpan.Zero) + Influxd)];
    }
}
