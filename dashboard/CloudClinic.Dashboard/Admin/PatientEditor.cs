using System.Security.Cryptography;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// Writes patients for the admin API and the roster import: name, national ID and phone encrypted by the registry's
/// <see cref="PersonalDataProtector"/> (the same purposes as <see cref="PatientDirectory"/>), the national ID also as a
/// keyed lookup hash (so a re-import finds the patient), the card code only as <see cref="CardCodeHash"/>.
/// Callers save; nothing here commits.
/// </summary>
internal sealed class PatientEditor(PersonalDataProtector protector, TimeProvider time)
{
    /// <summary>The clinic's grids and doctors, or null for an unknown clinic.</summary>
    public async Task<ClinicContext?> ContextAsync(RegistryDbContext db, string clinicId, CancellationToken ct)
    {
        var clinic = await db.Clinics.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clinicId, ct);
        if (clinic is null)
        {
            return null;
        }

        var grids = await db.Grids.AsNoTracking().Where(g => g.ClinicId == clinicId).ToListAsync(ct);
        var byIdOrName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            byIdOrName.TryAdd(grid.Name, grid.Id);
        }

        foreach (var grid in grids)
        {
            byIdOrName[grid.Id] = grid.Id; // an id wins over another grid's equal name
        }

        var doctors = await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId && u.Role == UserRoles.Doctor).Select(u => u.Id).ToListAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(clinic.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return new ClinicContext(clinicId, byIdOrName, doctors.ToHashSet(StringComparer.Ordinal), today);
    }

    public static string NewPatientId() => "p-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public string NationalIdLookup(string nationalId) => PatientDirectory.NationalIdLookup(protector, nationalId);

    /// <summary>
    /// The patient another row already holds this national ID or card for, as a <see cref="FieldError"/>; null when free.
    /// <paramref name="patientId"/> is the patient being written (null: a new one).
    /// </summary>
    public async Task<FieldError?> ConflictAsync(RegistryDbContext db, string clinicId, string? patientId, PatientFields fields, CancellationToken ct)
    {
        if (fields.NationalId is not null)
        {
            var lookup = NationalIdLookup(fields.NationalId);
            var holder = await db.Patients.AsNoTracking().Where(p => p.NationalIdLookup == lookup).Select(p => new { p.Id, p.ClinicId }).FirstOrDefaultAsync(ct);
            if (holder is not null && holder.Id != patientId)
            {
                return new FieldError(RosterColumns.NationalId, holder.ClinicId == clinicId ? FieldErrors.AlreadyRegistered : FieldErrors.OtherClinic);
            }
        }

        if (fields.CardCode is not null)
        {
            var hash = CardCodeHash.Compute(clinicId, fields.CardCode);
            if (await db.Patients.AsNoTracking().AnyAsync(p => p.CardCodeHash == hash && p.Id != patientId, ct))
            {
                return new FieldError(RosterColumns.CardCode, FieldErrors.CardInUse);
            }
        }

        return null;
    }

    /// <summary>Applies <paramref name="fields"/> to a tracked (or new, added) patient and replaces its conditions.</summary>
    public async Task ApplyAsync(RegistryDbContext db, Patient patient, PatientFields fields, CancellationToken ct)
    {
        if (fields.Name is not null)
        {
            patient.MaskedName = NameMask.Mask(fields.Name);
            patient.NameProtected = protector.Protect(fields.Name, PatientDirectory.Purpose(patient.Id, "name"));
        }

        if (fields.NationalId is not null)
        {
            patient.NationalIdProtected = protector.Protect(fields.NationalId, PatientDirectory.Purpose(patient.Id, "national-id"));
            patient.NationalIdLookup = NationalIdLookup(fields.NationalId);
        }

        if (fields.Phone is not null)
        {
            patient.PhoneProtected = protector.Protect(fields.Phone, PatientDirectory.Purpose(patient.Id, "phone"));
        }
        else if (fields.RemovePhone)
        {
            patient.PhoneProtected = null;
        }

        if (fields.CardCode is not null)
        {
            patient.CardCodeHash = CardCodeHash.Compute(patient.ClinicId, fields.CardCode);
        }
        else if (fields.RemoveCard)
        {
            patient.CardCodeHash = null;
        }

        if (fields.BirthDate is { } birthDate)
        {
            patient.BirthDate = birthDate;
        }

        if (!fields.KeepGrid)
        {
            patient.GridId = fields.GridId;
        }

        if (!fields.KeepDoctor)
        {
            patient.ResponsibleDoctorId = fields.ResponsibleDoctorId;
        }

        if (fields.KeepConditions)
        {
            return;
        }

        var stored = await db.PatientConditions.Where(c => c.PatientId == patient.Id).ToListAsync(ct);
        db.PatientConditions.RemoveRange(stored.Where(c => !fields.Conditions.Contains(c.Condition)));
        db.PatientConditions.AddRange(fields.Conditions.Where(c => stored.All(s => s.Condition != c))
            .Select(c => new PatientCondition { PatientId = patient.Id, Condition = c }));
    }

    public Patient NewPatient(string clinicId) => new() { Id = NewPatientId(), ClinicId = clinicId, RegisteredAt = time.GetUtcNow() };
}
