using CloudClinic.Alerts.CarePlans;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Engine;

/// <summary>Loads patients with their effective care plans in four queries, whatever the batch size (none for a batch without patients).</summary>
internal static class PatientContexts
{
    public static async Task<Dictionary<string, PatientContext>> LoadAsync(RegistryDbContext db, IReadOnlyCollection<string> patientIds, DateTimeOffset now, CancellationToken ct)
    {
        var patients = patientIds.Count == 0 ? [] : await db.Patients.Where(p => patientIds.Contains(p.Id)).ToListAsync(ct);
        if (patients.Count == 0)
        {
            return new Dictionary<string, PatientContext>(StringComparer.Ordinal);
        }

        var known = patients.ConvertAll(p => p.Id);
        var conditions = (await db.PatientConditions.AsNoTracking().Where(c => known.Contains(c.PatientId)).ToListAsync(ct))
            .ToLookup(c => c.PatientId, c => c.Condition, StringComparer.Ordinal);
        var plans = await db.CarePlans.AsNoTracking().Where(c => known.Contains(c.PatientId)).ToDictionaryAsync(c => c.PatientId, StringComparer.Ordinal, ct);
        var clinicIds = patients.Select(p => p.ClinicId).Distinct().ToList();
        var zones = await db.Clinics.AsNoTracking().Where(c => clinicIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TimeZoneId, StringComparer.Ordinal, ct);

        var result = new Dictionary<string, PatientContext>(StringComparer.Ordinal);
        foreach (var patient in patients)
        {
            var plan = plans.TryGetValue(patient.Id, out var own)
                ? CarePlanDefaults.FromPlan(own)
                : CarePlanDefaults.For(
                    CarePlanDefaults.AgeYears(patient.BirthDate, LocalDate(now, zones.GetValueOrDefault(patient.ClinicId))),
                    [.. conditions[patient.Id]],
                    patient.ResponsibleDoctorId);
            result[patient.Id] = new PatientContext(patient, plan with { ResponsibleDoctorId = plan.ResponsibleDoctorId ?? patient.ResponsibleDoctorId });
        }

        return result;
    }

    /// <summary>The clinic's calendar date: a patient turns 80 on the local birthday, not at UTC midnight.</summary>
    public static DateOnly LocalDate(DateTimeOffset now, string? timeZoneId)
    {
        var zone = timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }
}
