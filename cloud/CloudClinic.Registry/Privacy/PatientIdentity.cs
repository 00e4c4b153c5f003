namespace CloudClinic.Registry.Privacy;

/// <summary>A patient's decrypted identity, for the screens that must show it (never for logs).</summary>
public sealed record PatientIdentity(string PatientId, string Name, string? NationalId, string? Phone)
{
    public override string ToString() => $"PatientIdentity {{ PatientId = {PatientId} }}";
}
