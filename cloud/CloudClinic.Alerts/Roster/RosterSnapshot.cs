using CloudClinic.Contracts;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Roster;

/// <summary>
/// Reads a clinic's roster from the registry: only what check-in needs and nothing that identifies a person outside
/// the registry — the pseudonymous id, the masked name and the card-code hash (the registry holds no raw card code).
/// </summary>
internal static class RosterSnapshot
{
    public static async Task<IReadOnlyList<string>> ClinicIdsAsync(RegistryDatabase database, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        return await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<RosterPatient>> PatientsAsync(RegistryDatabase database, string clinicId, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var rows = await db.Patients.AsNoTracking()
            .Where(p => p.ClinicId == clinicId)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.MaskedName, p.CardCodeHash })
            .ToListAsync(ct);

        // Masked again: NameMask is idempotent, so the roster never carries more of a name than 张*华 whatever a row holds.
        return rows
            .Where(r => Topics.IsValidId(r.Id))
            .Select(r => new RosterPatient
            {
                PatientId = r.Id,
                DisplayName = NameMask.Mask(r.MaskedName),
                CardHashes = r.CardCodeHash is null ? [] : [r.CardCodeHash],
            })
            .ToList();
    }
}
