using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.CodeFree;

/// <summary>One stored CodeFree result (minute resolution, mg/dL), sent newest first, one per fetch.</summary>
public sealed record CodeFreeReading
{
    public required DateTime MeterLocalTime { get; init; }

    public required int GlucoseMgdL { get; init; }

    /// <summary><see cref="MealContexts"/>.</summary>
    public required string Meal { get; init; }

    /// <summary>No record ids on the wire: the number comes from the meter time, the id adds the value (DESIGN.md §5).</summary>
    public GlucoseRecord ToRecord(string meterSerial, TimeSpan meterUtcOffset) => new()
    {
        MeterSerial = meterSerial,
        RecordNumber = MeterTimeRecordNumber.From(MeterLocalTime, hasSeconds: false),
        MeasuredAt = new DateTimeOffset(MeterLocalTime, meterUtcOffset),
        MeasuredAtHasSeconds = false,
        GlucoseMmolL = UnitConversions.MgdLToMmolL(GlucoseMgdL),
        GlucoseMgdL = GlucoseMgdL,
        Meal = Meal,
    };
}
