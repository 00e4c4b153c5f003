namespace CloudClinic.Contracts;

/// <summary>One patient of a <see cref="RosterMessage"/>.</summary>
public sealed record RosterPatient
{
    /// <summary>The pseudonymous registry id readings carry as <c>patientId</c>.</summary>
    public required string PatientId { get; init; }

    /// <summary>Masked for the kiosk list (<see cref="NameMask"/>): first and last character only.</summary>
    public required string DisplayName { get; init; }

    /// <summary><see cref="CardCodeHash"/> of each card code (barcode/QR on the patient's card) issued to the patient.</summary>
    public IReadOnlyList<string> CardHashes { get; init; } = [];
}
