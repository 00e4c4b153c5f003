using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

/// <summary>The lifecycle on a real SQLite registry with a fake clock; "restart" = a new engine on the same file.</summary>
public sealed class AlertEngineScenarioTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-alerts-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _connection;

    public AlertEngineScenarioTests()
    {
        _connection = $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False";
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task NotMeasured_Silent7Then14DaysAcrossRestart_TaskThenDoctor_ThenReadingResolves()
    {
        await SeedAsync();
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Empty(await NewEngine().RunScheduleAsync(default));

        _time.Advance(TimeSpan.FromMinutes(1));
        var raised = Assert.Single(await NewEngine().RunScheduleAsync(default));
        Assert.Equal((RuleIds.NotMeasured, AlertEvents.Raised, AlertSeverities.Task), (raised.Rule, raised.Event, raised.Severity));
        Assert.Equal([AlertAudiences.GridWorker], raised.Audience);

        _time.Advance(TimeSpan.FromDays(7));
        var engine = NewEngine(); // restart between the two thresholds
        var escalated = Assert.Single(await engine.RunScheduleAsync(default));
        Assert.Equal((raised.AlertId, AlertEvents.Escalated, 1), (escalated.AlertId, escalated.Event, escalated.EscalationLevel));
        Assert.Empty(await engine.RunScheduleAsync(default));
        Assert.Equal([(UserRoles.GridWorker, CareTaskStates.Superseded), (UserRoles.Doctor, CareTaskStates.Open)], await TasksAsync());

        var resolved = await engine.ProcessReadingsAsync([TestReadings.Bp("r-1", 128, 78, _time.GetUtcNow())], default);
        Assert.Equal((raised.AlertId, AlertEvents.Resolved), (resolved.Single().AlertId, resolved.Single().Event));
        Assert.Equal([(UserRoles.GridWorker, CareTaskStates.Superseded), (UserRoles.Doctor, CareTaskStates.Done)], await TasksAsync());
    }

    [Fact]
    public async Task NotMeasured_ResolvedByDoctorWhileStillSilent_StaysResolved_ScheduleGoesOn_NextSilenceRaisesAgain()
    {
        await SeedAsync();
        var engine = NewEngine();
        _time.Advance(TimeSpan.FromDays(7));
        var raised = Assert.Single(await engine.RunScheduleAsync(default));
        Assert.NotNull(await engine.ResolveAsync(raised.AlertId, "doc-1", "patient in hospital", default));

        // Same silence a day later: nothing is raised again, and the schedule still does its other work (escalation).
        var elsewhere = TestReadings.Bp("r-x", 190, 100, _time.GetUtcNow(), patientId: null) with { ClinicId = "clinic-b", GatewayId = "gw-b" };
        var urgent = (await engine.ProcessReadingsAsync([elsewhere], default)).Single();
        _time.Advance(TimeSpan.FromDays(1));
        var later = await engine.RunScheduleAsync(default);
        Assert.Contains((urgent.AlertId, AlertEvents.Escalated), later.Select(e => (e.AlertId, e.Event)));
        Assert.DoesNotContain(later, e => e.Rule == RuleIds.NotMeasured);

        // A reading ends that silence; seven silent days after it are a new episode with a new alert.
        await engine.ProcessReadingsAsync([TestReadings.Bp("r-back", 128, 78, _time.GetUtcNow())], default);
        _time.Advance(TimeSpan.FromDays(7));
        await HeartbeatAsync(engine, TimeSpan.Zero); // the clinic's gateway is up: the silence is real
        var again = Assert.Single(await engine.RunScheduleAsync(default), e => e.Rule == RuleIds.NotMeasured);
        Assert.Equal(AlertEvents.Raised, again.Event);
        Assert.NotEqual(raised.AlertId, again.AlertId);
    }

    [Fact]
    public async Task UnassignedUrgentReading_LaterAssignedToPatient_AlertMovesToPatient_NoSecondAlert()
    {
        await SeedAsync();
        var engine = NewEngine();
        var reading = TestReadings.Bp("r-walk-in", 186, 100, _time.GetUtcNow(), patientId: null);
        var raised = Assert.Single(await engine.ProcessReadingsAsync([reading], default));

        var assigned = await engine.ProcessReadingsAsync([reading with { PatientId = "p-1" }], default);

        var moved = Assert.Single(assigned, e => e.Rule == RuleIds.BpUrgent);
        Assert.Equal((raised.AlertId, AlertEvents.Updated, "p-1", "grid-1"), (moved.AlertId, moved.Event, moved.PatientId, moved.GridId));
        Assert.DoesNotContain(assigned, e => e.Event == AlertEvents.Raised && e.Rule == RuleIds.BpUrgent);
        await using var db = new RegistryDatabase(_connection).CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.Rule == RuleIds.BpUrgent);
        Assert.Equal(AlertKeys.Patient(RuleIds.BpUrgent, "p-1"), alert.OpenKey);

        // The patient's next urgent reading updates that same alert.
        var next = await engine.ProcessReadingsAsync([TestReadings.Bp("r-next", 184, 100, _time.GetUtcNow().AddMinutes(5))], default);
        Assert.Equal((raised.AlertId, AlertEvents.Updated), next.Where(e => e.Rule == RuleIds.BpUrgent).Select(e => (e.AlertId, e.Event)).Single());
    }

    [Fact]
    public async Task NotMeasured_GatewayOfflineDuringSilence_Suppressed_UntilOnlineForGrace()
    {
        await SeedAsync();
        var engine = NewEngine();
        await engine.RecordGatewayStatusAsync("clinic-a", "gw-1", new GatewayStatusMessage { State = GatewayStates.Online, At = _time.GetUtcNow() }, default);
        _time.Advance(TimeSpan.FromDays(1));
        var offline = Assert.Single(await engine.RecordGatewayStatusAsync("clinic-a", "gw-1", new GatewayStatusMessage { State = GatewayStates.Offline, At = _time.GetUtcNow() }, default));
        Assert.Equal((RuleIds.GatewayOffline, AlertSeverities.Ops), (offline.Rule, offline.Severity));

        _time.Advance(TimeSpan.FromDays(13));
        Assert.Empty(await NewEngine().RunScheduleAsync(default)); // 14 days silent, gateway down: nothing

        var online = await engine.RecordGatewayStatusAsync("clinic-a", "gw-1", new GatewayStatusMessage { State = GatewayStates.Online, At = _time.GetUtcNow() }, default);
        Assert.Equal((offline.AlertId, AlertEvents.Resolved), (online.Single().AlertId, online.Single().Event));
        await HeartbeatAsync(engine, TimeSpan.FromMinutes(14));
        await HeartbeatAsync(engine, TimeSpan.FromMinutes(15));
        Assert.Empty(await engine.RunScheduleAsync(default)); // 29 min: backlog grace

        _time.Advance(TimeSpan.FromMinutes(1));
        var events = await engine.RunScheduleAsync(default);
        Assert.Equal([(RuleIds.NotMeasured, AlertEvents.Raised), (RuleIds.NotMeasured, AlertEvents.Escalated)], events.Select(e => (e.Rule, e.Event)));
    }

    [Fact]
    public async Task UrgentAlert_UnacknowledgedFor10Min_EscalatesOnce_AcknowledgedOneDoesNot()
    {
        await SeedAsync();
        var engine = NewEngine();
        var urgent = (await engine.ProcessReadingsAsync([TestReadings.Bp("r-1", 185, 100, _time.GetUtcNow())], default)).Single(e => e.Rule == RuleIds.BpUrgent);
        var other = (await engine.ProcessReadingsAsync([TestReadings.Bp("r-x", 190, 100, _time.GetUtcNow(), patientId: null)], default)).Single();
        await engine.AcknowledgeAsync(other.AlertId, "doc-1", "seen, calling", default);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await NewEngine().RunScheduleAsync(default));
        _time.Advance(TimeSpan.FromMinutes(1));
        var escalated = Assert.Single(await NewEngine().RunScheduleAsync(default));
        Assert.Equal((urgent.AlertId, AlertEvents.Escalated), (escalated.AlertId, escalated.Event));
        Assert.Contains(AlertAudiences.ClinicAdmin, escalated.Audience!);
        Assert.Empty(await NewEngine().RunScheduleAsync(default));
    }

    [Fact]
    public async Task Snooze_OfAboveTarget_DoesNotSilenceUrgent_AndEndsWithReminder()
    {
        await SeedAsync();
        var engine = NewEngine();
        var above = Assert.Single(await engine.ProcessReadingsAsync([TestReadings.Bp("r-1", 150, 85, _time.GetUtcNow())], default));
        var snoozed = await engine.SnoozeAsync("p-1", RuleIds.BpAboveTarget, TimeSpan.FromHours(2), "doc-1", "known, adjusting", default);
        Assert.Equal((above.AlertId, AlertEvents.Snoozed), (snoozed!.AlertId, snoozed.Event));

        _time.Advance(TimeSpan.FromMinutes(5));
        var events = await NewEngine().ProcessReadingsAsync([TestReadings.Bp("r-2", 182, 95, _time.GetUtcNow())], default);
        var urgent = events.Single(e => e.Rule == RuleIds.BpUrgent);
        Assert.Null(urgent.SnoozedUntil);
        Assert.Contains(events, e => e.Rule == RuleIds.BpUncontrolledTwice && e.SnoozedUntil is null);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains(await NewEngine().RunScheduleAsync(default), e => e.AlertId == urgent.AlertId && e.Event == AlertEvents.Escalated);
        _time.Advance(TimeSpan.FromHours(2));
        var reminder = (await NewEngine().RunScheduleAsync(default)).Single(e => e.AlertId == above.AlertId);
        Assert.Equal((AlertEvents.Updated, (DateTimeOffset?)null), (reminder.Event, reminder.SnoozedUntil));
    }

    [Fact]
    public async Task ReadingsBackInTarget_ResolveOpenAlerts_LateOldReadingDoesNot()
    {
        await SeedAsync();
        var engine = NewEngine();
        var t0 = _time.GetUtcNow();
        await engine.ProcessReadingsAsync([TestReadings.Bp("r-1", 150, 85, t0), TestReadings.Bp("r-2", 155, 88, t0.AddMinutes(5))], default);
        Assert.Equal([RuleIds.BpAboveTarget, RuleIds.BpUncontrolledTwice], await OpenRulesAsync());

        // A backlog reading measured before the alert cannot resolve it; a fresh one in target does.
        Assert.Empty(await NewEngine().ProcessReadingsAsync([TestReadings.Bp("r-old", 120, 70, t0.AddMinutes(-60))], default));
        var resolved = await NewEngine().ProcessReadingsAsync([TestReadings.Bp("r-3", 132, 84, t0.AddMinutes(30))], default);

        Assert.Equal([AlertEvents.Resolved, AlertEvents.Resolved], resolved.Select(e => e.Event));
        Assert.Empty(await OpenRulesAsync());
        Assert.Empty(await NewEngine().ProcessReadingsAsync([TestReadings.Bp("r-1", 150, 85, t0)], default)); // re-delivery
    }

    private async Task HeartbeatAsync(AlertEngine engine, TimeSpan after)
    {
        _time.Advance(after);
        Assert.Empty(await engine.RecordGatewayStatusAsync("clinic-a", "gw-1", new GatewayStatusMessage { State = GatewayStates.Online, At = _time.GetUtcNow() }, default));
    }

    private AlertEngine NewEngine() =>
        new(new RegistryDatabase(_connection), _time, Options.Create(new AlertOptions()), new AlertOutboxSignal());

    private Task SeedAsync() => TestRegistry.SeedAsync(_connection, _time.GetUtcNow());

    private async Task<List<(string Role, string State)>> TasksAsync()
    {
        await using var db = new RegistryDatabase(_connection).CreateContext();
        return [.. (await db.Tasks.OrderBy(t => t.Id).ToListAsync()).Select(t => (t.AssigneeRole, t.State))];
    }

    private async Task<List<string>> OpenRulesAsync()
    {
        await using var db = new RegistryDatabase(_connection).CreateContext();
        return [.. (await db.Alerts.Where(a => a.OpenKey != null).Select(a => a.Rule).ToListAsync()).Order(StringComparer.Ordinal)];
    }
}
