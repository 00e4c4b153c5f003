using CloudClinic.Contracts;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Registry.Privacy;

/// <summary>
/// Registers patients with their identity encrypted (<see cref="PersonalDataProtector"/>) and reads it back for
/// authorised screens; both are audited with ids only (who registered or looked at whom, never what).
/// </summary>
public sealed class PatientDirectory(RegistryDatabase database, PersonalDataProtector protector, TimeProvider time)
{
    public async Task RegisterAsync(NewPatient patient, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentException.ThrowIfNullOrEmpty(by);
        var unknown = patient.Conditions.FirstOrDefault(c => !Model.Conditions.All.Contains(c));
        if (unknown is not null)
        {
            throw new ArgumentException($"condition '{unknown}' is not one of {string.Join(", ", Model.Conditions.All)}", nameof(patient));
        }

        await database.EnsureMigratedAsync(ct);
        var now = time.GetUtcNow();
        await using var db = database.CreateContext();
        db.Patients.Add(new Patient
        {
            Id = patient.Id,
            ClinicId = patient.ClinicId,
            GridId = patient.GridId,
            BirthDate = patient.BirthDate,
            MaskedName = NameMask.Mask(patient.Name),
            NameProtected = protector.Protect(patient.Name, Purpose(patient.Id, "name")),
            NationalIdProtected = patient.NationalId is null ? null : protector.Protect(patient.NationalId, Purpose(patient.Id, "national-id")),
            PhoneProtected = patient.Phone is null ? null : protector.Protect(patient.Phone, Purpose(patient.Id, "phone")),
            NationalIdLookup = patient.NationalId is null ? null : NationalIdLookup(protector, patient.NationalId),
            ResponsibleDoctorId = patient.ResponsibleDoctorId,
            RegisteredAt = now,
        });
        db.PatientConditions.AddRange(patient.Conditions.Distinct(StringComparer.Ordinal)
            .Select(c => new PatientCondition { PatientId = patient.Id, Condition = c }));
        db.Audit.Add(new AuditEntry
        {
            At = now, Actor = by, Action = "patient.registered", EntityType = "patient", EntityId = patient.Id, ClinicId = patient.ClinicId,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The decrypted identity, or null for an unknown id. Every read is audited.</summary>
    public async Task<PatientIdentity?> GetIdentityAsync(string patientId, string by, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
        {
            return null;
        }

        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(), Actor = by, Action = "patient.identity.read", EntityType = "patient", EntityId = patientId, ClinicId = patient.ClinicId,
        });
        await db.SaveChangesAsync(ct);
        return new PatientIdentity(
            patientId,
            protector.Unprotect(patient.NameProtected, Purpose(patientId, "name")),
            patient.NationalIdProtected is null ? null : protector.Unprotect(patient.NationalIdProtected, Purpose(patientId, "national-id")),
            patient.PhoneProtected is null ? null : protector.Unprotect(patient.PhoneProtected, Purpose(patientId, "phone")));
    }

    /// <summary>The associated data of a patient's encrypted field (<c>name</c>, <c>national-id</c>, <c>phone</c>).</summary>
    public static string Purpose(string patientId, string field) => $"patient/{patientId}/{field}";

    /// <summary>The <see cref="Patient.NationalIdLookup"/> of an ID number (trimmed, check letter upper-case).</summary>
    public static string NationalIdLookup(PersonalDataProtector protector, string nationalId)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(nationalId);
        return protector.LookupHash(nationalId.Trim().ToUpperInvariant(), "patient/national-id");
    }
}
