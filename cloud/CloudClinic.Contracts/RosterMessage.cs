namespace CloudClinic.Contracts;

/// <summary>
/// Cloud → the clinic's gateways on <c>cloudclinic/v1/{clinic}/roster</c>, retained: who may be checked in at this
/// clinic. Only what check-in needs leaves the registry: the pseudonymous id, a masked display name (张*华) and
/// salted hashes of the patient's card codes — never a full name, ID number, phone or raw card code.
/// </summary>
public sealed record RosterMessage
{
    public const string SchemaV1 = "cloudclinic.roster/1";

    public required string Schema { get; init; }

    public required string ClinicId { get; init; }

    /// <summary>When the registry produced this roster: a gateway keeps the newest it has seen.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    public required IReadOnlyList<RosterPatient> Patients { get; init; }
}
