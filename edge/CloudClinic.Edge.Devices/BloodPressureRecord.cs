using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices;

/// <summary>A blood pressure measurement, converted to mmHg (1 kPa = 7.50062 mmHg, DESIGN.md §3).</summary>
public sealed record BloodPressureRecord : MeterRecord
{
    public required double SystolicMmHg { get; init; }

    public required double DiastolicMmHg { get; init; }

    public double? MeanArterialMmHg { get; init; }

    public int? PulseBpm { get; init; }

    /// <summary><see cref="PressureUnits"/>: what the meter reported before conversion.</summary>
    public string OriginalUnit { get; init; } = PressureUnits.MmHg;

    public override string Kind => ReadingKinds.BloodPressure;
}
