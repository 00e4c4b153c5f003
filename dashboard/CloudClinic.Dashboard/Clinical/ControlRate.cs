namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// Share of measured days in target (Tidepool's "time in range" per day; the legacy county 规范 grades control by
/// the share of time below 140/90, CLINICAL-SOURCES.md §3.2). <see cref="Rate"/> is null when nothing was measured.
/// </summary>
internal sealed record ControlRate(int DaysMeasured, int DaysInTarget)
{
    public double? Rate => DaysMeasured == 0 ? null : (double)DaysInTarget / DaysMeasured;
}
