namespace CloudClinic.Registry.Model;

/// <summary>A family-doctor cloud clinic (DESIGN.md §1); its id is the <c>{clinic}</c> of the MQTT topics.</summary>
public sealed class Clinic
{
    /// <summary><c>[a-z0-9-]{1,64}</c>, as in the topics.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>IANA zone, e.g. <c>Asia/Shanghai</c>: a patient's age and the clinic's days are local.</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
}
