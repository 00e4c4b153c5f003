namespace CloudClinic.Bench;

/// <summary>One row of the table: readings sent and counted in InfluxDB, over the time from first publish to last point.</summary>
internal sealed record BenchResult(string Name, long Sent, long Stored, TimeSpan Elapsed, string Note = "")
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Stored / Elapsed.TotalSeconds : 0;

    public long Lost => Sent - Stored;
}
