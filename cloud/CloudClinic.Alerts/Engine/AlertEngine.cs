using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The alert lifecycle (DESIGN.md §6) over the registry: readings raise, update and resolve alerts; people
/// acknowledge, resolve and snooze; a schedule escalates and finds silent patients and gateways. All state is in the
/// registry, every change is audited and queued in the outbox in the same transaction, so a new engine on the same
/// database carries on exactly where the last stopped. Calls are serialised per process; across processes the unique
/// open key keeps one open alert per (patient, rule).
/// </summary>
public sealed partial class AlertEngine(RegistryDatabase database, TimeProvider time, IOptions<AlertOptions> options, AlertOutboxSignal outbox)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AlertOptions _options = options.Value;
    private readonly GatewayHeartbeats _gateways = new(TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, options.Value.GatewayHeartbeatTimeout.Ticks / 4)));

    /// <summary>Evaluates stored readings in order; returns the events committed (already in the outbox).</summary>
    public async Task<IReadOnlyList<AlertEventMessage>> ProcessReadingsAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return await ProcessAsync(readings, [], ct);
    }

    /// <summary>
    /// Evaluates readings taken from the durable queue and deletes their rows in the same transaction as the alert
    /// changes: a crash before the commit leaves both undone (evaluated again), and if another engine committed a row
    /// first, the delete finds nothing and the whole commit fails with <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    internal async Task<IReadOnlyList<AlertEventMessage>> ProcessQueuedAsync(IReadOnlyList<QueuedBatch> queued, CancellationToken ct) =>
        await ProcessAsync([.. queued.SelectMany(q => q.Readings)], [.. queued.Select(q => q.QueueId)], ct);

    private async Task<IReadOnlyList<AlertEventMessage>> ProcessAsync(IReadOnlyList<ReadingMessage> readings, IReadOnlyList<long> queueIds, CancellationToken ct)
    {
        if (readings.Count == 0 && queueIds.Count == 0)
        {
            return [];
        }

        return await RunAsync(async changes =>
        {
            var db = changes.Db;
            var patientIds = readings.Where(r => r.PatientId is not null).Select(r => r.PatientId!).Distinct().ToList();
            var patients = await PatientContexts.LoadAsync(db, patientIds, changes.Now, ct);
            var (raisable, unassignedKeys) = AlertCandidates.Find(readings, patients);
            var openAlerts = await OpenAlertsAsync(db, patientIds, unassignedKeys, ct);
            var existingIds = raisable.Count == 0
                ? new HashSet<string>(StringComparer.Ordinal)
                : (await db.Alerts.Where(a => raisable.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var reading in readings)
            {
                var patient = reading.PatientId is { } id ? patients.GetValueOrDefault(id) : null;
                Evaluate(changes, reading, patient, openAlerts, existingIds);
            }

            await _gateways.TouchAsync(db, readings, changes.Now, ct);
            db.EvaluationQueue.RemoveRange(queueIds.Select(id => new EvaluationQueueItem { Id = id }));
        }, ct);
    }

    /// <summary>
    /// The open alerts of the batch's patients (registered or not: an unknown patient id still keys its urgent alerts)
    /// with their open tasks, which resolving closes, and alerts their readings raised while unassigned, by open key.
    /// No query at all for a batch of unassigned readings.
    /// </summary>
    private static async Task<Dictionary<string, Alert>> OpenAlertsAsync(
        RegistryDbContext db, List<string> patientIds, List<string> unassignedKeys, CancellationToken ct)
    {
        var openAlerts = new Dictionary<string, Alert>(StringComparer.Ordinal);
        if (patientIds.Count == 0)
        {
            return openAlerts;
        }

        foreach (var alert in await db.Alerts.Where(a => a.OpenKey != null && a.PatientId != null && patientIds.Contains(a.PatientId)).ToListAsync(ct))
        {
            openAlerts[alert.OpenKey!] = alert;
        }

        var openIds = openAlerts.Values.Select(a => a.Id).ToList();
        if (openIds.Count > 0)
        {
            await db.Tasks.Where(t => t.State == CareTaskStates.Open && openIds.Contains(t.AlertId)).LoadAsync(ct);
        }

        // A reading assigned to a patient after it raised an alert while unassigned: that alert becomes the patient's.
        if (unassignedKeys.Count > 0)
        {
            foreach (var unassigned in await db.Alerts.Where(a => a.OpenKey != null && unassignedKeys.Contains(a.OpenKey)).ToListAsync(ct))
            {
                openAlerts[unassigned.OpenKey!] = unassigned;
            }
        }

        return openAlerts;
    }

    private static void Evaluate(AlertChanges changes, ReadingMessage reading, PatientContext? patient, Dictionary<string, Alert> openAlerts, HashSet<string> existingIds)
    {
        var plan = patient?.Plan ?? CarePlans.CarePlanDefaults.Unknown;
        bool? previousAboveTarget = null;
        if (patient is not null && reading.Kind == ReadingKinds.BloodPressure
            && reading.ReadingId != patient.Patient.LastBpReadingId && reading.MeasuredAt > patient.Patient.LastBpAt)
        {
            previousAboveTarget = patient.Patient.LastBpAboveTarget;
        }

        var facts = ReadingFacts.From(reading, previousAboveTarget);
        if (patient is not null)
        {
            AdoptUnassignedAlerts(changes, reading, patient, openAlerts);
        }

        foreach (var rule in ReadingRules.All)
        {
            if (patient is null && !rule.FiresWithoutPatient)
            {
                continue;
            }

            var verdict = rule.Evaluate(facts, plan);
            if (verdict != RuleVerdict.Fire && (verdict != RuleVerdict.Clear || openAlerts.Count == 0))
            {
                // Nothing to raise, update or resolve: no key to build (a string per rule and reading, for most readings).
                continue;
            }

            var key = reading.PatientId is { } patientId ? AlertKeys.Patient(rule.Id, patientId) : AlertKeys.Reading(rule.Id, reading.ReadingId);
            openAlerts.TryGetValue(key, out var open);
            if (verdict == RuleVerdict.Fire)
            {
                if (open is not null)
                {
                    if (!AlertChanges.ReadingIds(open).Contains(reading.ReadingId))
                    {
                        changes.Update(open, reading);
                    }
                }
                else if (existingIds.Add(AlertIds.For(rule.Id, reading.ReadingId)))
                {
                    openAlerts[key] = changes.Raise(NewAlert(rule.Id, rule.Severity, reading, patient, key), reading);
                }
            }
            else if (verdict == RuleVerdict.Clear && open is not null && reading.MeasuredAt > open.LastReadingAt)
            {
                changes.Resolve(open, AlertChanges.EngineActor, $"back in target: reading {reading.ReadingId}");
                openAlerts.Remove(key);
            }
        }

        if (patient is not null)
        {
            RecordPatientReading(changes, reading, patient, facts, plan, openAlerts);
        }
    }

    /// <summary>
    /// Alerts this reading raised before it was assigned (keyed by the reading) move to the patient, so the doctor sees
    /// one alert, now with a name, grid and care plan; if the patient already has that rule's alert open, the reading's
    /// own alert is resolved into it instead.
    /// </summary>
    private static void AdoptUnassignedAlerts(AlertChanges changes, ReadingMessage reading, PatientContext patient, Dictionary<string, Alert> openAlerts)
    {
        foreach (var rule in ReadingRules.All)
        {
            if (!openAlerts.Remove(AlertKeys.Reading(rule.Id, reading.ReadingId), out var unassigned))
            {
                continue;
            }

            var patientKey = AlertKeys.Patient(rule.Id, patient.Patient.Id);
            if (openAlerts.TryGetValue(patientKey, out var existing))
            {
                changes.Resolve(unassigned, AlertChanges.EngineActor, $"reading {reading.ReadingId} assigned to patient {patient.Patient.Id}: merged into {existing.Id}");
                continue;
            }

            unassigned.PatientId = patient.Patient.Id;
            unassigned.GridId = patient.Patient.GridId;
            unassigned.ResponsibleDoctorId = patient.Plan.ResponsibleDoctorId;
            unassigned.OpenKey = patientKey;
            unassigned.UpdatedAt = changes.Now;
            openAlerts[patientKey] = unassigned;
            changes.Emit(unassigned, AlertEvents.Updated, AlertChanges.EngineActor, $"reading {reading.ReadingId} assigned to patient {patient.Patient.Id}");
        }
    }

    private static void RecordPatientReading(
        AlertChanges changes, ReadingMessage reading, PatientContext patient, ReadingFacts facts, CarePlans.CarePlanTargets plan, Dictionary<string, Alert> openAlerts)
    {
        var p = patient.Patient;
        if (p.LastReadingAt is null || reading.MeasuredAt > p.LastReadingAt)
        {
            p.LastReadingAt = reading.MeasuredAt;
        }

        if (facts.SystolicMmHg is { } sbp && facts.DiastolicMmHg is { } dbp && (p.LastBpAt is null || reading.MeasuredAt > p.LastBpAt))
        {
            p.LastBpAt = reading.MeasuredAt;
            p.LastBpReadingId = reading.ReadingId;
            p.LastBpAboveTarget = BpAboveTargetRule.IsAboveTarget(sbp, dbp, plan);
        }

        // A reading is what the not-measured task asked for: it closes itself (CHT resolvedIf).
        var notMeasuredKey = AlertKeys.Patient(RuleIds.NotMeasured, p.Id);
        if (openAlerts.Remove(notMeasuredKey, out var notMeasured))
        {
            changes.Resolve(notMeasured, AlertChanges.EngineActor, $"measured: reading {reading.ReadingId}");
        }
    }

    private static Alert NewAlert(string rule, string severity, ReadingMessage reading, PatientContext? patient, string key) => new()
    {
        Id = AlertIds.For(rule, reading.ReadingId),
        Rule = rule,
        Severity = severity,
        ClinicId = reading.ClinicId,
        PatientId = reading.PatientId,
        GridId = patient?.Patient.GridId,
        ResponsibleDoctorId = patient?.Plan.ResponsibleDoctorId,
        OpenKey = key,
    };

    private async Task<IReadOnlyList<AlertEventMessage>> RunAsync(Func<AlertChanges, Task> work, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = database.CreateContext();
            var now = time.GetUtcNow();
            var snoozes = await db.Snoozes.AsNoTracking().Where(s => s.Until > now).ToDictionaryAsync(s => (s.PatientId, s.Rule), s => s.Until, ct);
            var changes = new AlertChanges(db, now, snoozes);
            await work(changes);
            await db.SaveChangesAsync(ct);
            if (changes.Events.Count > 0)
            {
                outbox.Notify();
            }

            return changes.Events;
        }
        finally
        {
            _gate.Release();
        }
    }
}
