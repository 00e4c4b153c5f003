namespace CloudClinic.Alerts.CarePlans;

/// <summary>
/// The numbers the rules compare against for one patient (一人一策). Blood pressure in whole mmHg, glucose in mmol/L
/// to one decimal, as meters display them. See docs/clinical-rules.md for each default and its source.
/// </summary>
public sealed record CarePlanTargets
{
    /// <summary>Above target when SBP ≥ this or DBP ≥ <see cref="DiastolicTargetMmHg"/> (target is "&lt; 140/90").</summary>
    public required int SystolicTargetMmHg { get; init; }

    public required int DiastolicTargetMmHg { get; init; }

    /// <summary>Urgent when SBP ≥ this or DBP ≥ <see cref="DiastolicUrgentMmHg"/>.</summary>
    public required int SystolicUrgentMmHg { get; init; }

    public required int DiastolicUrgentMmHg { get; init; }

    /// <summary>Low when SBP &lt; this or DBP &lt; <see cref="DiastolicLowMmHg"/>.</summary>
    public required int SystolicLowMmHg { get; init; }

    public required int DiastolicLowMmHg { get; init; }

    /// <summary>Above target when a fasting/pre-meal glucose ≥ this.</summary>
    public required double FastingGlucoseTargetMmolL { get; init; }

    /// <summary>Above target when any other glucose ≥ this.</summary>
    public required double NonFastingGlucoseTargetMmolL { get; init; }

    /// <summary>Urgent when glucose ≥ this.</summary>
    public required double GlucoseUrgentHighMmolL { get; init; }

    /// <summary>Urgent when glucose ≤ this.</summary>
    public required double GlucoseUrgentLowMmolL { get; init; }

    /// <summary>Level-2 hypoglycaemia (critical) when glucose &lt; this.</summary>
    public required double GlucoseLevel2HypoMmolL { get; init; }

    public required int NotMeasuredTaskDays { get; init; }

    public required int NotMeasuredDoctorDays { get; init; }

    public string? ResponsibleDoctorId { get; init; }

    /// <summary>Where the numbers come from (a guideline, or "doctor").</summary>
    public required string Basis { get; init; }
}
