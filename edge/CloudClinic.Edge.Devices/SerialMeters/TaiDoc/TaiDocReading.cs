using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

/// <summary>A stored TaiDoc result, assembled from its time (0x25) and value (0x26) answers. Always mg/dL.</summary>
public sealed record TaiDocReading
{
    /// <summary>The meter's 0-based index (0 = newest).</summary>
    public required int Index { get; init; }

    public required DateTime MeterLocalTime { get; init; }

    public required int GlucoseMgdL { get; init; }

    /// <summary><see cref="MealContexts"/>.</summary>
    public required string Meal { get; init; }

    /// <summary>Indexes shift with every new test: the number comes from the meter time, the id adds the value (DESIGN.md §5).</summary>
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
