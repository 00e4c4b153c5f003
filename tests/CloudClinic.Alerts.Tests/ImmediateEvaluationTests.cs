using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The ingest's sink on a real SQLite registry: in the process that leads the engine, stored readings are evaluated
/// before the sink returns (so before the ingest acknowledges them) and never queued; handed over twice (the broker's
/// re-delivery after a crash between the commit and the acknowledgement) they raise nothing twice; elsewhere, or when
/// the evaluation fails, they are queued durably and the engine evaluates them from the queue.
/// </summary>
public sealed class ImmediateEvaluationTests : IDisposable
{
    private readonly TestRegistry _db = new("cloudclinic-immediate-");

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Leader_EvaluatesBeforeReturning_NothingQueued()
    {
        await _db.SeedAsync();
        using var host = BuildHost(leading: true);
        var now = TimeProvider.System.GetUtcNow();

        await Sink(host).SubmitAsync([TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 186, 114, now, patientId: null)], default);

        var alert = Assert.Single(await _db.AlertsAsync());
        Assert.Equal((RuleIds.BpUrgent, "[\"r-2\"]"), (alert.Rule, alert.ReadingIdsJson));
        Assert.Equal(now, (await _db.PatientAsync()).LastReadingAt);
        Assert.Equal(0, await _db.QueuedAsync());
        await using var db = new RegistryDatabase(_db.ConnectionString).CreateContext();
        Assert.Equal([AlertEvents.Raised], await db.AlertOutbox.Select(e => e.Event).ToListAsync());
    }

    [Fact]
    public async Task Leader_SameReadingsHandedOverTwice_RaiseAndRecordOnce()
    {
        await _db.SeedAsync();
        using var host = BuildHost(leading: true);
        var now = TimeProvider.System.GetUtcNow();
        ReadingMessage[] readings = [TestReadings.Bp("r-1", 190, 100, now), TestReadings.Glucose("r-2", 2.6, MealContexts.Fasting, now.AddMinutes(1))];

        // Committed, then the process died before its PUBACKs: the broker sends the same messages again.
        await Sink(host).SubmitAsync(readings, default);
        var first = await AlertStateAsync();
        await Sink(host).SubmitAsync(readings, default);

        Assert.Contains(RuleIds.BpUrgent + " ", first.Alerts, StringComparison.Ordinal);
        Assert.Contains(RuleIds.GlucoseHypoLevel2 + " ", first.Alerts, StringComparison.Ordinal);
        Assert.Equal(first, await AlertStateAsync());
        Assert.Equal(0, await _db.QueuedAsync());
    }

    [Fact]
    public async Task NotLeader_QueuesTheReadings_EvaluatesNothing()
    {
        await _db.SeedAsync();
        using var host = BuildHost(leading: false);
        var now = TimeProvider.System.GetUtcNow();

        await Sink(host).SubmitAsync([TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 186, 114, now)], default);

        Assert.Equal(2, await _db.QueuedAsync());
        Assert.Empty(await _db.AlertsAsync());
        Assert.Null((await _db.PatientAsync()).LastReadingAt);
    }

    [Fact]
    public async Task Leader_EvaluationFails_ReadingsQueued_ThenTheEngineEvaluatesThemFromTheQueue()
    {
        await _db.SeedAsync();
        using var host = BuildHost(leading: true);
        var now = TimeProvider.System.GetUtcNow();
        // The registry refuses every new alert, as a full disk or a broken migration would.
        await _db.ExecuteAsync("""CREATE TRIGGER refuse_alerts BEFORE INSERT ON "alerts" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;""");

        await Sink(host).SubmitAsync([TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 186, 114, now)], default);

        Assert.Equal(2, await _db.QueuedAsync());
        Assert.Empty(await _db.AlertsAsync());

        await _db.ExecuteAsync("DROP TRIGGER refuse_alerts;");
        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var engine = host.Services.GetRequiredService<AlertEngine>();
        for (var batch = await queue.PeekAsync(10, default); batch.Count > 0; batch = await queue.PeekAsync(10, default))
        {
            await engine.ProcessQueuedAsync(batch, default);
        }

        Assert.Equal(RuleIds.BpUrgent, Assert.Single(await _db.AlertsAsync()).Rule);
        Assert.Equal(0, await _db.QueuedAsync());
    }

    /// <summary>Every alert (rule, state and readings) and every event in the outbox, as text to compare.</summary>
    private async Task<(string Alerts, string Events)> AlertStateAsync()
    {
        await using var db = new RegistryDatabase(_db.ConnectionString).CreateContext();
        var alerts = await db.Alerts.OrderBy(a => a.Id).Select(a => a.Rule + " " + a.State + " " + a.ReadingIdsJson).ToListAsync();
        var events = await db.AlertOutbox.OrderBy(e => e.Id).Select(e => e.AlertId + " " + e.Event).ToListAsync();
        return (string.Join('\n', alerts), string.Join('\n', events));
    }

    private static IAlertReadingSink Sink(IHost host) => host.Services.GetRequiredService<IAlertReadingSink>();

    /// <summary>Never started (no lease worker, no broker): leadership is set by hand.</summary>
    private IHost BuildHost(bool leading)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = "mqtt://127.0.0.1:1",
            ["Storage:Registry"] = _db.ConnectionString,
        });
        builder.AddAlerting();
        var host = builder.Build();
        if (leading)
        {
            host.Services.GetRequiredService<EngineLeadership>().Set(true, DateTimeOffset.MaxValue);
        }

        return host;
    }
}
