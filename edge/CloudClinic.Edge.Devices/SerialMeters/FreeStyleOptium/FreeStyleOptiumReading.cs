using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

/// <summary>One glucose result of an <c>$xmem</c> dump (minute resolution, always mg/dL on the wire).</summary>
public sealed record FreeStyleOptiumReading
{
    public required DateTime MeterLocalTime { get; init; }

    /// <summary>mg/dL; for HI/LO the meter's limit (<see cref="FreeStyleOptiumParser.HighMgdL"/>/<see cref="FreeStyleOptiumParser.LowMgdL"/>).</summary>
    public required int GlucoseMgdL { get; init; }

    /// <summary><see cref="OutOfRangeMarks"/> when the meter showed HI (or LO).</summary>
    public string? OutOfRange { get; init; }

    /// <summary>
    /// The record the gateway stores. The meter has no record ids and no seconds, so the id rests on meter time and
    /// value (DESIGN.md §5); <paramref name="recordNumber"/> is the position in the dump.
    /// </summary>
    public GlucoseRecord ToRecord(string meterSerial, long recordNumber, TimeSpan meterUtcOffset) => new()
    {
        MeterSerial = meterSerial,
        RecordNumber = recordNumber,
        MeasuredAt = new DateTimeOffset(MeterLocalTime, meterUtcOffset),
        MeasuredAtHasSeconds = false,
        GlucoseMmolL = UnitConversions.MgdLToMmolL(GlucoseMgdL),
        GlucoseMgdL = GlucoseMgdL,
        OutOfRange = OutOfRange,
    };
}
