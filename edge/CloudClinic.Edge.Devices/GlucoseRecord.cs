using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices;

/// <summary>A blood glucose measurement in mmol/L (1 mmol/L = 18.016 mg/dL, DESIGN.md §3).</summary>
public sealed record GlucoseRecord : MeterRecord
{
    public required double GlucoseMmolL { get; init; }

    /// <summary>The value as the meter stored it when the meter works in mg/dL; null for mmol/L meters.</summary>
    public double? GlucoseMgdL { get; init; }

    /// <summary><see cref="MealContexts"/>.</summary>
    public string Meal { get; init; } = MealContexts.Unknown;

    /// <summary><see cref="OutOfRangeMarks"/> when the meter showed HI or LO; the value is then the meter's limit.</summary>
    public string? OutOfRange { get; init; }

    public override string Kind => ReadingKinds.Glucose;
}
