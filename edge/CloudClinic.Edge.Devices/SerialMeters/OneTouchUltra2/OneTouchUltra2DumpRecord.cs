using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary>
/// One DMP record: <c>P "DOW","MM/DD/YY","HH:MM:SS   ","C vvv?","M","cc", 00</c>. Always mg/dL, whatever the
/// display unit (LifeScan stores mg/dL internally).
/// </summary>
public sealed record OneTouchUltra2DumpRecord : OneTouchUltra2Reply
{
    public required DateTime MeterLocalTime { get; init; }

    public required int GlucoseMgdL { get; init; }

    /// <summary><see cref="MealContexts"/>: B before meal → preprandial, A after → postprandial, N → unknown.</summary>
    public required string Meal { get; init; }

    /// <summary>The <c>C</c> marker: a control-solution test.</summary>
    public bool ControlSolution { get; init; }

    /// <summary>LifeScan comment code 0-11 (0 none, 1 not enough food … 11 other).</summary>
    public int Comment { get; init; }

    /// <summary>The record the gateway stores; the dump has no record ids, so the number comes from the meter time.</summary>
    public GlucoseRecord ToRecord(string meterSerial, TimeSpan meterUtcOffset) => new()
    {
        MeterSerial = meterSerial,
        RecordNumber = MeterTimeRecordNumber.From(MeterLocalTime, hasSeconds: true),
        MeasuredAt = new DateTimeOffset(MeterLocalTime, meterUtcOffset),
        GlucoseMmolL = UnitConversions.MgdLToMmolL(GlucoseMgdL),
        GlucoseMgdL = GlucoseMgdL,
        Meal = Meal,
        Flags = ControlSolution ? [ReadingFlags.ControlSolution] : [],
    };
}
