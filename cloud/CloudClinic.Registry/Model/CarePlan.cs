namespace CloudClinic.Registry.Model;

/// <summary>
/// A patient's own targets and limits (一人一策). A patient without a row gets the guideline defaults for age and
/// conditions (CloudClinic.Alerts <c>CarePlanDefaults</c>); a row is written when a doctor sets anything.
/// </summary>
public sealed class CarePlan
{
    public string PatientId { get; set; } = "";

    public int SystolicTargetMmHg { get; set; }

    public int DiastolicTargetMmHg { get; set; }

    public int SystolicUrgentMmHg { get; set; }

    public int DiastolicUrgentMmHg { get; set; }

    public int SystolicLowMmHg { get; set; }

    public int DiastolicLowMmHg { get; set; }

    public double FastingGlucoseTargetMmolL { get; set; }

    public double NonFastingGlucoseTargetMmolL { get; set; }

    public double GlucoseUrgentHighMmolL { get; set; }

    public double GlucoseUrgentLowMmolL { get; set; }

    public double GlucoseLevel2HypoMmolL { get; set; }

    /// <summary>No reading for this many days → a task for the grid worker.</summary>
    public int NotMeasuredTaskDays { get; set; }

    /// <summary>No reading for this many days → escalated to the doctor.</summary>
    public int NotMeasuredDoctorDays { get; set; }

    public string? ResponsibleDoctorId { get; set; }

    /// <summary>Why these numbers: the guideline of the default, or "doctor" for an individual plan.</summary>
    public string Basis { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
