using System.Collections.Concurrent;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>
/// A patient's targets as the alert engine sees them (一人一策): the saved care plan, or else the guideline defaults for
/// the patient's age and conditions (<see cref="CarePlanDefaults.For"/>: 150/90 from 80 years, 130/80 with diabetes);
/// the plain guideline defaults for an unassigned reading or a patient the registry does not know. Remembered for
/// <see cref="MaxAge"/> per patient, because the live wall and today's list colour every reading: a care-plan edit
/// shows on the charts within that time.
/// </summary>
internal sealed class RegistryCareTargetSource(RegistryDatabase database, TimeProvider time) : ICareTargetSource
{
    public const string CarePlanSource = "care-plan";
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (CareTargets Targets, DateTimeOffset At)> _recent = new(StringComparer.Ordinal);

    public async ValueTask<CareTargets> ForPatientAsync(string? patientId, CancellationToken ct)
    {
        if (patientId is null)
        {
            return GuidelineDefaults.Targets;
        }

        var now = time.GetUtcNow();
        if (_recent.TryGetValue(patientId, out var known) && now - known.At < MaxAge)
        {
            return known.Targets;
        }

        var targets = await LoadAsync(patientId, now, ct);
        _recent[patientId] = (targets, now);
        return targets;
    }

    /// <summary>
    /// A care-plan edit through this dashboard shows on its charts at once; other dashboard instances follow within
    /// <see cref="MaxAge"/>.
    /// </summary>
    public void Forget(string patientId) => _recent.TryRemove(patientId, out _);

    private async Task<CareTargets> LoadAsync(string patientId, DateTimeOffset now, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var plan = await db.CarePlans.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (plan is not null)
        {
            return From(CarePlanDefaults.FromPlan(plan), CarePlanSource);
        }

        var birthDate = await db.Patients.Where(p => p.Id == patientId).Select(p => (DateOnly?)p.BirthDate).SingleOrDefaultAsync(ct);
        if (birthDate is null)
        {
            return GuidelineDefaults.Targets;
        }

        var conditions = await db.PatientConditions.Where(c => c.PatientId == patientId).Select(c => c.Condition).ToListAsync(ct);
        var age = CarePlanDefaults.AgeYears(birthDate.Value, DateOnly.FromDateTime(now.UtcDateTime));
        return From(CarePlanDefaults.For(age, conditions), GuidelineDefaults.Targets.Source);
    }

    private static CareTargets From(CarePlanTargets plan, string source) => new(
        plan.SystolicTargetMmHg,
        plan.DiastolicTargetMmHg,
        plan.SystolicLowMmHg,
        plan.DiastolicLowMmHg,
        GuidelineDefaults.FastingGlucoseTargetLowMmolL,
        plan.FastingGlucoseTargetMmolL,
        plan.NonFastingGlucoseTargetMmolL,
        source);
}
