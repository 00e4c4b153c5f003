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
    /// The record the gateway stores. No record ids and no seconds: the number comes from the meter time and the id
    /// adds the value (DESIGN.md §5).
    /// </summary>
    public GlucoseRecord ToRecord(string meterSerial, TimeSpan meterUtcOffset) => new()
    {
        MeterSerial = meterSerial,
        RecordNumber = MeterTimeRecordNumber.From(MeterLocalTime, hasSeconds: false),
        MeasuredAt = new DateTimeOffset(MeterLocalTime, meterUtcOffset),
        MeasuredAtHasSeconds = false,
        GlucoseMmolL = UnitConversions.MgdLToMmolL(GlucoseMgdL),
        GlucoseMgdL = GlucoseMgdL,
        OutOfRange = OutOfRange,
    };
}
