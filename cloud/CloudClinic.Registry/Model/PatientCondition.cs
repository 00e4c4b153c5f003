namespace CloudClinic.Registry.Model;

/// <summary>A managed condition of a patient (<see cref="Conditions"/>).</summary>
public sealed class PatientCondition
{
    public string PatientId { get; set; } = "";

    public string Condition { get; set; } = "";
}
