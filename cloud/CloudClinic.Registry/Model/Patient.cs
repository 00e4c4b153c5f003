namespace CloudClinic.Registry.Model;

/// <summary>
/// A managed person. <see cref="Id"/> is the pseudonymous id used on the wire and in InfluxDB (DESIGN.md §1: PIPL);
/// name, national ID number and phone exist only here and only encrypted (<c>Privacy/PersonalDataProtector</c>).
/// The class has no plaintext personal data, so logging or serialising it leaks nothing but the masked name.
/// </summary>
public sealed class Patient
{
    public string Id { get; set; } = "";

    public string ClinicId { get; set; } = "";

    public string? GridId { get; set; }

    public DateOnly BirthDate { get; set; }

    /// <summary>Display form such as 张*华 (first and last character kept).</summary>
    public string MaskedName { get; set; } = "";

    public string NameProtected { get; set; } = "";

    public string? NationalIdProtected { get; set; }

    public string? PhoneProtected { get; set; }

    /// <summary>
    /// Keyed hash (<see cref="Privacy.PersonalDataProtector.LookupHash"/>) of the national ID number: finds a patient
    /// again on re-import although the number itself is stored only encrypted (random nonce, so not comparable).
    /// </summary>
    public string? NationalIdLookup { get; set; }

    /// <summary><c>CloudClinic.Contracts.CardCodeHash</c> of the patient's card code; the raw code is never stored.</summary>
    public string? CardCodeHash { get; set; }

    public string? ResponsibleDoctorId { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Newest <c>measuredAt</c> of any reading: "not measured for N days" reads this, not the reading store.</summary>
    public DateTimeOffset? LastReadingAt { get; set; }

    /// <summary>Newest blood pressure <c>measuredAt</c> and whether it was above target ("uncontrolled twice").</summary>
    public DateTimeOffset? LastBpAt { get; set; }

    public bool? LastBpAboveTarget { get; set; }

    public string? LastBpReadingId { get; set; }
}
