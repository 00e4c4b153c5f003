using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// One unit of alert work on one registry context: every state change writes its audit row and its outbox event in
/// the same transaction as the alert itself (SaveChanges), so an event is never lost and never invented.
/// </summary>
internal sealed class AlertChanges(RegistryDbContext db, DateTimeOffset now, Dictionary<(string PatientId, string Rule), DateTimeOffset> snoozes)
{
    public const string EngineActor = "engine";

    /// <summary>Reading ids kept on an alert: enough to find the readings, bounded for a patient measured all day.</summary>
    private const int MaxReadingIds = 50;

    private readonly List<AlertEventMessage> _events = [];

    public IReadOnlyList<AlertEventMessage> Events => _events;

    public DateTimeOffset Now => now;

    /// <summary>Active snoozes by (patient, rule); a snooze made in this unit of work is added here.</summary>
    public Dictionary<(string PatientId, string Rule), DateTimeOffset> Snoozes => snoozes;

    public RegistryDbContext Db => db;

    public Alert Raise(Alert alert, ReadingMessage? reading)
    {
        alert.State = AlertStates.Open;
        alert.RaisedAt = now;
        alert.UpdatedAt = now;
        if (reading is not null)
        {
            alert.GatewayId = reading.GatewayId;
            alert.Station = reading.Station;
            alert.LastReadingAt = reading.MeasuredAt;
            alert.ReadingIdsJson = Json([reading.ReadingId]);
            alert.ValuesJson = JsonSerializer.Serialize(ValuesOf(reading), EngineJsonContext.Default.DictionaryStringDouble);
            alert.FlagsJson = Json([.. reading.Flags]);
        }

        db.Alerts.Add(alert);
        Emit(alert, AlertEvents.Raised, EngineActor, null);
        return alert;
    }

    public void Update(Alert alert, ReadingMessage reading)
    {
        var ids = ReadingIds(alert);
        ids.Add(reading.ReadingId);
        alert.ReadingIdsJson = Json(ids.Count > MaxReadingIds ? ids[^MaxReadingIds..] : ids);
        alert.ValuesJson = JsonSerializer.Serialize(ValuesOf(reading), EngineJsonContext.Default.DictionaryStringDouble);
        alert.FlagsJson = Json([.. reading.Flags]);
        alert.GatewayId = reading.GatewayId;
        alert.Station = reading.Station;
        if (alert.LastReadingAt is null || reading.MeasuredAt > alert.LastReadingAt)
        {
            alert.LastReadingAt = reading.MeasuredAt;
        }

        alert.UpdatedAt = now;
        Emit(alert, AlertEvents.Updated, EngineActor, null);
    }

    public void Acknowledge(Alert alert, string by, string? note)
    {
        alert.State = AlertStates.Acknowledged;
        alert.AcknowledgedAt = now;
        alert.AcknowledgedBy = by;
        alert.AcknowledgeNote = note;
        alert.UpdatedAt = now;
        Emit(alert, AlertEvents.Acknowledged, by, note);
    }

    public void Resolve(Alert alert, string by, string? note)
    {
        alert.State = AlertStates.Resolved;
        alert.OpenKey = null;
        alert.ResolvedAt = now;
        alert.ResolvedBy = by;
        alert.ResolveNote = note;
        alert.UpdatedAt = now;
        foreach (var task in db.Tasks.Local.Where(t => t.AlertId == alert.Id && t.State == CareTaskStates.Open))
        {
            task.State = CareTaskStates.Done;
            task.ClosedAt = now;
            task.ClosedBy = by;
        }

        Emit(alert, AlertEvents.Resolved, by, note);
    }

    public void Escalate(Alert alert, string? note)
    {
        alert.EscalationLevel++;
        alert.EscalatedAt = now;
        alert.UpdatedAt = now;
        Emit(alert, AlertEvents.Escalated, EngineActor, note);
    }

    /// <summary>Publishes the alert's current state again with an event name (e.g. snoozed, or updated after a snooze ends).</summary>
    public void Emit(Alert alert, string eventName, string by, string? note)
    {
        DateTimeOffset? snoozedUntil = IsSnoozed(alert) ? snoozes[(alert.PatientId!, alert.Rule)] : null;
        var message = new AlertEventMessage
        {
            Schema = AlertEventMessage.SchemaV1,
            Event = eventName,
            AlertId = alert.Id,
            Rule = alert.Rule,
            Severity = alert.Severity,
            State = alert.State,
            ClinicId = alert.ClinicId,
            PatientId = alert.PatientId,
            GatewayId = alert.GatewayId,
            Station = alert.Station,
            ReadingIds = ReadingIds(alert),
            Values = JsonSerializer.Deserialize(alert.ValuesJson, EngineJsonContext.Default.DictionaryStringDouble) ?? [],
            Flags = JsonSerializer.Deserialize(alert.FlagsJson, EngineJsonContext.Default.ListString) ?? [],
            At = now,
            By = by == EngineActor ? null : by,
            Note = note,
            GridId = alert.GridId,
            Audience = AlertAudience.For(alert.Severity, alert.EscalationLevel),
            ResponsibleDoctorId = alert.ResponsibleDoctorId,
            EscalationLevel = alert.EscalationLevel,
            SnoozedUntil = snoozedUntil,
        };
        _events.Add(message);
        db.AlertOutbox.Add(new AlertOutboxEntry
        {
            ClinicId = alert.ClinicId,
            AlertId = alert.Id,
            Event = eventName,
            Severity = alert.Severity,
            GridId = alert.GridId,
            Payload = JsonSerializer.Serialize(message, ContractJsonContext.Default.AlertEventMessage),
            CreatedAt = now,
            // A snoozed event is still published (shown, never hidden) but rings no robot.
            WebhooksDoneAt = snoozedUntil is null ? null : now,
        });
        Audit(by, $"alert.{eventName}", "alert", alert.Id, alert.ClinicId, $"rule={alert.Rule} state={alert.State} level={alert.EscalationLevel}");
    }

    public bool IsSnoozed(Alert alert) =>
        alert.PatientId is { } patientId && snoozes.TryGetValue((patientId, alert.Rule), out var until) && until > now;

    public void Audit(string actor, string action, string entityType, string entityId, string? clinicId, string? detail) =>
        db.Audit.Add(new AuditEntry
        {
            At = now, Actor = actor, Action = action, EntityType = entityType, EntityId = entityId, ClinicId = clinicId, Detail = detail,
        });

    public static List<string> ReadingIds(Alert alert) =>
        JsonSerializer.Deserialize(alert.ReadingIdsJson, EngineJsonContext.Default.ListString) ?? [];

    private static string Json(List<string> values) => JsonSerializer.Serialize(values, EngineJsonContext.Default.ListString);

    private static Dictionary<string, double> ValuesOf(ReadingMessage reading)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(values, "systolic", reading.Systolic);
        Add(values, "diastolic", reading.Diastolic);
        Add(values, "pulse", reading.Pulse);
        Add(values, "mmolL", reading.MmolL);
        Add(values, "mgdL", reading.MgdL);
        return values;

        static void Add(Dictionary<string, double> values, string name, double? value)
        {
            if (value is { } number && double.IsFinite(number))
            {
                values[name] = number;
            }
        }
    }
}
