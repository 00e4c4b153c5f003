namespace CloudClinic.Registry.Model;

/// <summary>
/// A time-boxed snooze of one rule for one patient: never of a patient, a clinic or another rule, so silencing
/// "glucose above target" cannot silence a level-2 hypo (the complaint nightguard#39 records).
/// </summary>
public sealed class AlertSnooze
{
    public string PatientId { get; set; } = "";

    public string Rule { get; set; } = "";

    public DateTimeOffset Until { get; set; }

    public string By { get; set; } = "";

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
