using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Engine;

public sealed partial class AlertEngine
{
    /// <summary>
    /// The time-driven half of the rules, run by <c>AlertScheduleWorker</c> on <see cref="AlertOptions.ScheduleInterval"/>:
    /// gateway liveness, not measured (task → doctor), escalation of unacknowledged urgent/critical alerts, and
    /// re-notification when a snooze ends. Depends only on the clock and the registry, never on a reading arriving.
    /// </summary>
    public Task<IReadOnlyList<AlertEventMessage>> RunScheduleAsync(CancellationToken ct) =>
        RunAsync(async changes =>
        {
            var gateways = await changes.Db.Gateways.ToListAsync(ct);
            var openAlerts = await changes.Db.Alerts.Where(a => a.OpenKey != null).ToListAsync(ct);
            var byKey = openAlerts.ToDictionary(a => a.OpenKey!, StringComparer.Ordinal);
            CheckGateways(changes, gateways, byKey);
            await CheckNotMeasuredAsync(changes, gateways, byKey, ct);
            Escalate(changes, openAlerts);
            await EndSnoozesAsync(changes, byKey, ct);
        }, ct);

    private void CheckGateways(AlertChanges changes, List<GatewayState> gateways, Dictionary<string, Alert> open)
    {
        foreach (var gateway in gateways)
        {
            var key = AlertKeys.Gateway(gateway.ClinicId, gateway.GatewayId);
            var offline = GatewayOfflineRule.IsOffline(gateway.State, gateway.LastSeenAt, changes.Now, _options.GatewayHeartbeatTimeout);
            if (offline && !open.ContainsKey(key))
            {
                open[key] = RaiseGatewayOffline(changes, gateway, key);
            }
            else if (!offline && open.Remove(key, out var alert))
            {
                changes.Resolve(alert, AlertChanges.EngineActor, "gateway online");
            }
        }
    }

    private static Alert RaiseGatewayOffline(AlertChanges changes, GatewayState gateway, string key) =>
        changes.Raise(
            new Alert
            {
                Id = AlertIds.For(RuleIds.GatewayOffline, $"{gateway.ClinicId}/{gateway.GatewayId}@{changes.Now.UtcTicks}"),
                Rule = RuleIds.GatewayOffline,
                Severity = AlertSeverities.Ops,
                ClinicId = gateway.ClinicId,
                GatewayId = gateway.GatewayId,
                OpenKey = key,
                LastReadingAt = gateway.LastSeenAt,
            },
            null);

    private async Task CheckNotMeasuredAsync(AlertChanges changes, List<GatewayState> gateways, Dictionary<string, Alert> open, CancellationToken ct)
    {
        var now = changes.Now;
        var shortestDays = Math.Min(CarePlanDefaults.NotMeasuredTaskDays, await changes.Db.CarePlans.Select(p => (int?)p.NotMeasuredTaskDays).MinAsync(ct) ?? int.MaxValue);
        var silentSince = now - TimeSpan.FromDays(shortestDays);
        var candidates = await changes.Db.Patients
            .Where(p => (p.LastReadingAt ?? p.RegisteredAt) <= silentSince)
            .Select(p => p.Id)
            .ToListAsync(ct);
        var patients = await PatientContexts.LoadAsync(changes.Db, candidates, now, ct);
        var openIds = open.Values.Where(a => a.Rule == RuleIds.NotMeasured).Select(a => a.Id).ToList();
        var tasks = await changes.Db.Tasks.Where(t => t.State == CareTaskStates.Open && openIds.Contains(t.AlertId)).ToListAsync(ct);
        var suppressedClinics = gateways.GroupBy(g => g.ClinicId, StringComparer.Ordinal)
            .Where(g => GatewayOfflineRule.SuppressesNotMeasured(
                g.Select(x => (x.State, x.LastSeenAt, x.OnlineSince)), now, _options.GatewayHeartbeatTimeout, _options.GatewayOnlineGrace))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

        // One alert per silence (its id is the patient and the last reading's time): when a person resolved it while
        // the patient is still silent (moved away, in hospital), it stays resolved until a new reading starts a new
        // silence. Raising it again would also collide with its id and fail the whole schedule.
        var episodeIds = patients.Values.Select(c => NotMeasuredAlertId(c.Patient)).ToList();
        var existingEpisodes = (await changes.Db.Alerts.Where(a => episodeIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (patientId, context) in patients)
        {
            var p = context.Patient;
            var level = NotMeasuredRule.Evaluate(p.LastReadingAt ?? p.RegisteredAt, now, context.Plan, suppressedClinics.Contains(p.ClinicId));
            var key = AlertKeys.Patient(RuleIds.NotMeasured, patientId);
            open.TryGetValue(key, out var alert);
            if (level is NotMeasuredLevel.None or NotMeasuredLevel.Suppressed)
            {
                continue;
            }

            if (alert is null)
            {
                if (existingEpisodes.Contains(NotMeasuredAlertId(p)))
                {
                    continue;
                }

                alert = changes.Raise(
                    new Alert
                    {
                        Id = NotMeasuredAlertId(p),
                        Rule = RuleIds.NotMeasured,
                        Severity = AlertSeverities.Task,
                        ClinicId = p.ClinicId,
                        PatientId = patientId,
                        GridId = p.GridId,
                        ResponsibleDoctorId = context.Plan.ResponsibleDoctorId,
                        OpenKey = key,
                        LastReadingAt = p.LastReadingAt,
                    },
                    null);
                open[key] = alert;
                tasks.Add(AddTask(changes, alert, UserRoles.GridWorker, null));
            }

            if (level == NotMeasuredLevel.Doctor && alert.EscalationLevel == 0)
            {
                foreach (var task in tasks.Where(t => t.AlertId == alert.Id && t.State == CareTaskStates.Open))
                {
                    task.State = CareTaskStates.Superseded;
                    task.ClosedAt = now;
                    task.ClosedBy = AlertChanges.EngineActor;
                }

                changes.Escalate(alert, $"not measured for {context.Plan.NotMeasuredDoctorDays} days");
                tasks.Add(AddTask(changes, alert, UserRoles.Doctor, context.Plan.ResponsibleDoctorId));
            }
        }
    }

    private static string NotMeasuredAlertId(Patient p) => AlertIds.For(RuleIds.NotMeasured, $"{p.Id}@{(p.LastReadingAt ?? p.RegisteredAt).UtcTicks}");

    private static CareTask AddTask(AlertChanges changes, Alert alert, string role, string? userId)
    {
        var task = new CareTask
        {
            AlertId = alert.Id,
            ClinicId = alert.ClinicId,
            PatientId = alert.PatientId,
            GridId = alert.GridId,
            AssigneeRole = role,
            AssigneeUserId = userId,
            Kind = role == UserRoles.GridWorker ? "remind-or-visit" : "follow-up",
            CreatedAt = changes.Now,
        };
        changes.Db.Tasks.Add(task);
        changes.Audit(AlertChanges.EngineActor, "task.created", "alert", alert.Id, alert.ClinicId, $"role={role}");
        return task;
    }

    private void Escalate(AlertChanges changes, List<Alert> openAlerts)
    {
        foreach (var alert in openAlerts.Where(a => a.State == AlertStates.Open && a.EscalationLevel == 0))
        {
            var after = alert.Severity switch
            {
                AlertSeverities.Critical => _options.CriticalEscalateAfter,
                AlertSeverities.Urgent => _options.UrgentEscalateAfter,
                _ => (TimeSpan?)null,
            };
            if (after is { } delay && changes.Now - alert.RaisedAt >= delay && !changes.IsSnoozed(alert))
            {
                changes.Escalate(alert, $"not acknowledged within {delay.TotalMinutes:0.#} min");
            }
        }
    }

    private static async Task EndSnoozesAsync(AlertChanges changes, Dictionary<string, Alert> open, CancellationToken ct)
    {
        var ended = await changes.Db.Snoozes.Where(s => s.Until <= changes.Now).ToListAsync(ct);
        foreach (var snooze in ended)
        {
            changes.Db.Snoozes.Remove(snooze);
            changes.Audit(AlertChanges.EngineActor, "snooze.ended", "patient", snooze.PatientId, null, $"rule={snooze.Rule}");
            if (open.TryGetValue(AlertKeys.Patient(snooze.Rule, snooze.PatientId), out var alert) && alert.State != AlertStates.Resolved)
            {
                // Still open when the snooze ends: ring again, so a snooze can delay an alert but never bury it.
                alert.UpdatedAt = changes.Now;
                changes.Emit(alert, AlertEvents.Updated, AlertChanges.EngineActor, "snooze ended");
            }
        }
    }
}
