using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>A decoded Glucose Measurement Context (0x2A34); belongs to the 0x2A18 record with the same sequence.</summary>
public sealed record GlucoseContext
{
    public required ushort Sequence { get; init; }

    /// <summary><see cref="MealContexts"/>; unknown when the meal field is absent or reserved.</summary>
    public string Meal { get; init; } = MealContexts.Unknown;

    public double? CarbohydrateGrams { get; init; }

    /// <summary>Tester nibble (1 self, 2 health care professional, 3 lab test, 15 not available).</summary>
    public byte? Tester { get; init; }

    /// <summary>Health nibble (1 minor issues … 5 no health issues, 15 not available).</summary>
    public byte? Health { get; init; }

    /// <summary>Null when absent; 65535 means the meter's counter overran.</summary>
    public ushort? ExerciseDurationSeconds { get; init; }

    public byte? ExerciseIntensityPercent { get; init; }

    /// <summary>Milligrams or millilitres, as <see cref="MedicationInMillilitres"/> says.</summary>
    public double? Medication { get; init; }

    public bool MedicationInMillilitres { get; init; }

    public double? HbA1cPercent { get; init; }
}
