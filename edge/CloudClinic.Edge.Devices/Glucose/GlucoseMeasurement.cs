using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>A decoded Glucose Measurement (0x2A18). Concentration in mmol/L (canonical) and mg/dL.</summary>
public sealed record GlucoseMeasurement
{
    public const string KgPerLitre = "kg/L";
    public const string MolPerLitre = "mol/L";

    /// <summary>The meter's sequence number: the RACP "records with sequence ≥ N" key and the record id.</summary>
    public required ushort Sequence { get; init; }

    /// <summary>Base time + time offset, meter local time; null when the meter's clock is unknown (year 0).</summary>
    public DateTime? MeasuredAtLocal { get; init; }

    public short? TimeOffsetMinutes { get; init; }

    /// <summary><see cref="KgPerLitre"/> or <see cref="MolPerLitre"/>; null when the frame carried no concentration.</summary>
    public string? ConcentrationUnit { get; init; }

    public double? GlucoseMmolL { get; init; }

    /// <summary>mg/dL (kg/L × 100 000; mol/L via 18.016).</summary>
    public double? GlucoseMgdL { get; init; }

    /// <summary><see cref="OutOfRangeMarks"/>: ±INF or status bits 5/6 (the meter showed LO/HI).</summary>
    public string? OutOfRange { get; init; }

    public GlucoseSampleType? SampleType { get; init; }

    public GlucoseSampleLocation? SampleLocation { get; init; }

    public GlucoseSensorStatus? Status { get; init; }

    /// <summary>Flag bit 4: a Glucose Measurement Context (0x2A34) with the same sequence follows.</summary>
    public bool ContextFollows { get; init; }

    /// <summary>Type 10 or location 4: a control-solution test, never patient data.</summary>
    public bool IsControlSolution => SampleType == GlucoseSampleType.ControlSolution || SampleLocation == GlucoseSampleLocation.ControlSolution;

    /// <summary>Wire flags: <c>controlSolution</c> when <see cref="IsControlSolution"/>.</summary>
    public IReadOnlyList<string> Flags => IsControlSolution ? [ReadingFlags.ControlSolution] : [];

    /// <summary>
    /// The record the gateway stores. <paramref name="context"/> (its sequence must match) supplies the meal. Fails
    /// without a concentration or with a value no meter reports.
    /// </summary>
    public bool TryToRecord(
        string meterSerial,
        TimeSpan meterUtcOffset,
        GlucoseContext? context,
        [NotNullWhen(true)] out GlucoseRecord? record,
        [NotNullWhen(false)] out string? error)
    {
        record = null;
        if (GlucoseMmolL is not { } mmolL)
        {
            error = $"measurement {Sequence} carries no concentration";
            return false;
        }

        if (context is not null && context.Sequence != Sequence)
        {
            error = $"context for sequence {context.Sequence} does not belong to measurement {Sequence}";
            return false;
        }

        if (OutOfRange is null && (mmolL < GlucoseFields.MinMmolL || mmolL > GlucoseFields.MaxMmolL))
        {
            error = $"glucose {mmolL} mmol/L is outside {GlucoseFields.MinMmolL}-{GlucoseFields.MaxMmolL} (no meter reports that)";
            return false;
        }

        record = new GlucoseRecord
        {
            MeterSerial = meterSerial,
            RecordNumber = Sequence,
            MeasuredAt = MeasuredAtLocal is { } local ? new DateTimeOffset(local, meterUtcOffset) : null,
            GlucoseMmolL = mmolL,
            // The wire's mgdL is "as the meter stored it": only for kg/L meters.
            GlucoseMgdL = ConcentrationUnit == KgPerLitre ? GlucoseMgdL : null,
            Meal = context?.Meal ?? MealContexts.Unknown,
            OutOfRange = OutOfRange,
            Flags = Flags,
        };
        error = null;
        return true;
    }
}
