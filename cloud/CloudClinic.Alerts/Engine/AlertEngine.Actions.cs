using CloudClinic.Contracts;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Engine;

public sealed partial class AlertEngine
{
    /// <summary>Open → acknowledged (who, when, note); stops escalation. Null when the alert is unknown or not open.</summary>
    public async Task<AlertEventMessage?> AcknowledgeAsync(string alertId, string userId, string? note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var events = await RunAsync(async changes =>
        {
            var alert = await changes.Db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
            if (alert?.State == AlertStates.Open)
            {
                changes.Acknowledge(alert, userId, note);
            }
        }, ct);
        return events.FirstOrDefault();
    }

    /// <summary>Resolves an open or acknowledged alert by hand (its tasks close). Null when unknown or already resolved.</summary>
    public async Task<AlertEventMessage?> ResolveAsync(string alertId, string userId, string? note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var events = await RunAsync(async changes =>
        {
            var alert = await changes.Db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
            if (alert is not null && alert.State != AlertStates.Resolved)
            {
                await changes.Db.Tasks.Where(t => t.AlertId == alertId && t.State == CareTaskStates.Open).LoadAsync(ct);
                changes.Resolve(alert, userId, note);
            }
        }, ct);
        return events.FirstOrDefault();
    }

    /// <summary>
    /// Snoozes one rule for one patient for <paramref name="duration"/> (at most <see cref="AlertOptions.MaxSnooze"/>).
    /// Events of that (patient, rule) still flow, marked <c>snoozedUntil</c>, and it does not escalate; other rules are
    /// untouched. Returns the <c>snoozed</c> event when an alert of that rule is open, else null (the snooze still holds).
    /// </summary>
    public async Task<AlertEventMessage?> SnoozeAsync(string patientId, string rule, TimeSpan duration, string userId, string? note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentException.ThrowIfNullOrEmpty(rule);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (duration <= TimeSpan.Zero || duration > _options.MaxSnooze)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"a snooze lasts more than 0 and at most {_options.MaxSnooze} (Alerts:MaxSnooze)");
        }

        var events = await RunAsync(async changes =>
        {
            var until = changes.Now + duration;
            var snooze = await changes.Db.Snoozes.FindAsync([patientId, rule], ct);
            if (snooze is null)
            {
                changes.Db.Snoozes.Add(new AlertSnooze { PatientId = patientId, Rule = rule, Until = until, By = userId, Note = note, CreatedAt = changes.Now });
            }
            else
            {
                (snooze.Until, snooze.By, snooze.Note, snooze.CreatedAt) = (until, userId, note, changes.Now);
            }

            changes.Snoozes[(patientId, rule)] = until;
            changes.Audit(userId, "snooze.set", "patient", patientId, null, $"rule={rule} until={until:O}");
            var open = await changes.Db.Alerts.SingleOrDefaultAsync(a => a.OpenKey == AlertKeys.Patient(rule, patientId), ct);
            if (open is not null)
            {
                changes.Emit(open, AlertEvents.Snoozed, userId, note);
            }
        }, ct);
        return events.FirstOrDefault();
    }

    /// <summary>
    /// A gateway's retained status (or LWT): offline raises the ops alert at once, online resolves it. A gateway coming
    /// online starts the grace time before "not measured" counts its clinic again.
    /// </summary>
    public Task<IReadOnlyList<AlertEventMessage>> RecordGatewayStatusAsync(string clinicId, string gatewayId, GatewayStatusMessage status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(status);
        return RunAsync(async changes =>
        {
            var now = changes.Now;
            var state = await changes.Db.Gateways.FindAsync([clinicId, gatewayId], ct);
            if (state is null)
            {
                state = new GatewayState { ClinicId = clinicId, GatewayId = gatewayId };
                changes.Db.Gateways.Add(state);
            }

            var cameOnline = status.State == GatewayStates.Online && (state.State != GatewayStates.Online || state.OnlineSince is null);
            state.State = status.State;
            state.LastSeenAt = now;
            state.Version = status.Version;
            state.OnlineSince = status.State != GatewayStates.Online ? null : cameOnline ? now : state.OnlineSince;
            var key = AlertKeys.Gateway(clinicId, gatewayId);
            var open = await changes.Db.Alerts.SingleOrDefaultAsync(a => a.OpenKey == key, ct);
            if (status.State == GatewayStates.Offline && open is null)
            {
                RaiseGatewayOffline(changes, state, key);
            }
            else if (status.State == GatewayStates.Online && open is not null)
            {
                changes.Resolve(open, AlertChanges.EngineActor, "gateway online");
            }
        }, ct);
    }
}
