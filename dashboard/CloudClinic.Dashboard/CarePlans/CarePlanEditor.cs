using CloudClinic.Alerts.CarePlans;
using CloudClinic.Dashboard.Admin;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.CarePlans;

/// <summary>
/// Reads, saves and resets a patient's care plan (一人一策) for both the admin page (<c>/api/admin/…/care-plan</c>) and
/// the patient page (<c>/api/patients/{id}/care-plan</c>); each caller checks who may do it. A save is checked against
/// <see cref="CarePlanLimits"/>; every change is audited with who, what and the numbers before and after
/// (<see cref="CarePlanChange"/>). The alert engine reads the care_plans row on its next batch; the dashboard's own
/// target cache (<see cref="ICareTargetSource"/>) forgets the patient so the charts follow at once.
/// </summary>
internal sealed class CarePlanEditor(RegistryDatabase database, TimeProvider time, ICareTargetSource targets)
{
    /// <summary><see cref="CarePlan.Basis"/> of a plan a person set.</summary>
    public const string IndividualBasis = "individual";

    /// <summary>Null when no such patient is registered.</summary>
    public async Task<Patient?> FindPatientAsync(string id, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        return await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<CarePlanView> ViewAsync(Patient patient, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await ViewAsync(db, patient, ct);
    }

    /// <param name="auditPrefix">The audit action's prefix: which page made the change (<c>admin.careplan</c>, <c>careplan</c>).</param>
    public async Task<CarePlanSaved> SaveAsync(Patient patient, CarePlanTargets body, string actor, string auditPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(body);
        var errors = CarePlanLimits.Check(body);
        if (errors.Count > 0)
        {
            return new CarePlanSaved(null, errors);
        }

        await using var db = database.CreateContext();
        var before = await ViewAsync(db, patient, ct);
        var plan = await db.CarePlans.SingleOrDefaultAsync(c => c.PatientId == patient.Id, ct);
        if (plan is null)
        {
            plan = new CarePlan { PatientId = patient.Id };
            db.CarePlans.Add(plan);
        }

        (plan.SystolicTargetMmHg, plan.DiastolicTargetMmHg) = (body.SystolicTargetMmHg, body.DiastolicTargetMmHg);
        (plan.SystolicUrgentMmHg, plan.DiastolicUrgentMmHg) = (body.SystolicUrgentMmHg, body.DiastolicUrgentMmHg);
        (plan.SystolicLowMmHg, plan.DiastolicLowMmHg) = (body.SystolicLowMmHg, body.DiastolicLowMmHg);
        (plan.FastingGlucoseTargetMmolL, plan.NonFastingGlucoseTargetMmolL) = (body.FastingGlucoseTargetMmolL, body.NonFastingGlucoseTargetMmolL);
        (plan.GlucoseUrgentHighMmolL, plan.GlucoseUrgentLowMmolL, plan.GlucoseLevel2HypoMmolL) =
            (body.GlucoseUrgentHighMmolL, body.GlucoseUrgentLowMmolL, body.GlucoseLevel2HypoMmolL);
        (plan.NotMeasuredTaskDays, plan.NotMeasuredDoctorDays) = (body.NotMeasuredTaskDays, body.NotMeasuredDoctorDays);
        plan.ResponsibleDoctorId = patient.ResponsibleDoctorId;
        plan.Basis = IndividualBasis;
        (plan.UpdatedAt, plan.UpdatedBy) = (time.GetUtcNow(), actor);
        var detail = CarePlanChange.Describe(before.Current, before.Individual, CarePlanDefaults.FromPlan(plan), afterIndividual: true);
        db.Audit.Add(AdminAudit.Entry(plan.UpdatedAt, actor, auditPrefix + ".updated", "patient", patient.Id, patient.ClinicId, detail));
        await db.SaveChangesAsync(ct);
        targets.Forget(patient.Id);
        return new CarePlanSaved(await ViewAsync(db, patient, ct), []);
    }

    /// <summary>Drops the individual plan: the guideline defaults apply again. Audited only when there was one.</summary>
    public async Task<CarePlanView> ResetAsync(Patient patient, string actor, string auditPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var db = database.CreateContext();
        if (await db.CarePlans.SingleOrDefaultAsync(c => c.PatientId == patient.Id, ct) is { } plan)
        {
            var before = CarePlanDefaults.FromPlan(plan);
            db.CarePlans.Remove(plan);
            var after = await DefaultsAsync(db, patient, ct);
            var detail = CarePlanChange.Describe(before, beforeIndividual: true, after, afterIndividual: false);
            db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), actor, auditPrefix + ".reset", "patient", patient.Id, patient.ClinicId, detail));
            await db.SaveChangesAsync(ct);
            targets.Forget(patient.Id);
        }

        return await ViewAsync(db, patient, ct);
    }

    private async Task<CarePlanView> ViewAsync(RegistryDbContext db, Patient patient, CancellationToken ct)
    {
        var defaults = await DefaultsAsync(db, patient, ct);
        var plan = await db.CarePlans.AsNoTracking().SingleOrDefaultAsync(c => c.PatientId == patient.Id, ct);
        return new CarePlanView(patient.Id, patient.MaskedName, plan is not null, plan is null ? defaults : CarePlanDefaults.FromPlan(plan), defaults);
    }

    /// <summary>The guideline defaults for the patient's age on the clinic's local date and their conditions.</summary>
    private async Task<CarePlanTargets> DefaultsAsync(RegistryDbContext db, Patient patient, CancellationToken ct)
    {
        var conditions = await db.PatientConditions.AsNoTracking().Where(c => c.PatientId == patient.Id).Select(c => c.Condition).ToListAsync(ct);
        var zoneId = await db.Clinics.AsNoTracking().Where(c => c.Id == patient.ClinicId).Select(c => c.TimeZoneId).SingleOrDefaultAsync(ct);
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return CarePlanDefaults.For(CarePlanDefaults.AgeYears(patient.BirthDate, today), conditions, patient.ResponsibleDoctorId);
    }
}
