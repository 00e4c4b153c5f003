using System.Text;
using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The durable evaluation queue between the ingest and the engine, and the engine lease, on a real SQLite registry
/// and an in-process broker: the ingest's submit never waits for evaluation, queued readings survive a crash of
/// either side, urgent ones go first, and with two hosts on one registry every alert is raised and published once.
/// </summary>
public sealed class EvaluationQueueTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TestRegistry _db = new("cloudclinic-evalq-");

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SubmitAsync_NoEngineRunning_ReturnsWithRowsQueued_UrgentPeekedFirstAndAlone()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1"); // never started: no worker, no broker needed
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();

        await sink.SubmitAsync([TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 185, 100, now), TestReadings.Glucose("r-3", 2.8, MealContexts.Fasting, now)], default);
        await sink.SubmitAsync([TestReadings.Bp("r-4", 130, 80, now)], default);

        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var urgent = Assert.Single(await queue.PeekAsync(10, default));
        Assert.True(urgent.Urgent);
        Assert.Equal(["r-2", "r-3"], urgent.Readings.Select(r => r.ReadingId));
        Assert.Equal(185, urgent.Readings[0].Systolic);
        Assert.Equal(4, await _db.QueuedAsync());
        Assert.Empty(await _db.AlertsAsync());
    }

    [Fact]
    public async Task Leader_PeeksItsOwnRowsFromTheDecodedCopy_WithoutReadingTheJsonBack()
    {
        await _db.SeedAsync();
        using var host = BuildLeadingHost(batchSize: 2);
        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var now = TimeProvider.System.GetUtcNow();
        var submitted = new[] { TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 131, 79, now), TestReadings.Glucose("r-3", 6.1, MealContexts.Fasting, now) };
        await Queue(queue).SubmitAsync(submitted, default);

        // The rows' JSON is made unreadable: what the leader peeks now can only come from its decoded copy.
        await _db.ExecuteAsync("""UPDATE "alert_evaluation_queue" SET "Readings" = 'not json' """);
        var batch = await queue.PeekAsync(10, default);
        Assert.Equal(
            submitted.Select(r => JsonSerializer.Serialize(r, ContractJsonContext.Default.ReadingMessage)),
            batch.SelectMany(b => b.Readings).Select(r => JsonSerializer.Serialize(r, ContractJsonContext.Default.ReadingMessage)));
        Assert.Equal(2, batch.Count);
    }

    [Fact]
    public async Task SubmitAsync_WithReceivedJson_RowsReadBackFromTheRegistryAsTheReadings()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1", batchSize: 2); // not leading: no decoded copy, rows are read back
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();
        var submitted = new[]
        {
            TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("患者-2 \"q\"", 131, 79, now),
            TestReadings.Glucose("r-3", 6.1, MealContexts.Fasting, now), TestReadings.Bp("r-4", 190, 100, now, patientId: null),
        };
        // As the ingest hands them over: each reading's object as received (whitespace kept); r-3's not known.
        var received = submitted.Select(r => new ReceivedReading(r, r.ReadingId == "r-3"
            ? ReadOnlyMemory<byte>.Empty
            : Encoding.UTF8.GetBytes(" " + Encoding.UTF8.GetString(ReadingPayload.Serialize(r)) + "\n"))).ToList();
        await sink.SubmitAsync(received, default);

        // Bound as UTF-8 bytes, stored as SQLite TEXT: what EF reads, and what an operator's sqlite3 shows.
        Assert.Equal(["text", "text", "text"], await ReadingsStorageClassesAsync());
        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var urgent = Assert.Single(await queue.PeekAsync(10, default));
        Assert.Equal(Json([submitted[3]]), Json(urgent.Readings));
        await _db.ExecuteAsync("""DELETE FROM "alert_evaluation_queue" WHERE "Urgent" """);
        var ordinary = await queue.PeekAsync(10, default);
        Assert.Equal(Json(submitted[..3]), Json([.. ordinary.SelectMany(b => b.Readings)]));

        static string Json(IReadOnlyList<ReadingMessage> readings) => JsonSerializer.Serialize(readings.ToArray(), ContractJsonContext.Default.ReadingMessageArray);
    }

    [Fact]
    public async Task Leader_RowEvaluatedByAnotherEngine_IsNeverHandedOutFromTheDecodedCopy()
    {
        await _db.SeedAsync();
        using var host = BuildLeadingHost(batchSize: 2);
        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var now = TimeProvider.System.GetUtcNow();
        await Queue(queue).SubmitAsync([TestReadings.Bp("r-1", 128, 78, now), TestReadings.Bp("r-2", 131, 79, now), TestReadings.Bp("r-3", 129, 77, now)], default);

        // A lease handover: the other engine committed the first row (r-1, r-2) and deleted it.
        await _db.ExecuteAsync("""DELETE FROM "alert_evaluation_queue" WHERE "Id" = (SELECT MIN("Id") FROM "alert_evaluation_queue")""");

        var batch = Assert.Single(await queue.PeekAsync(10, default));
        Assert.Equal(["r-3"], batch.Readings.Select(r => r.ReadingId));
        Assert.Equal(1, await _db.QueuedAsync());
    }

    [Fact]
    public async Task PeekAsync_OrdinaryRows_TakesWholeRowsUpToMaxReadings_AtLeastOne()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1", batchSize: 3);
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();

        // Five readings in one submit: rows of at most Alerts:BatchSize (3) readings, then a row of two.
        await sink.SubmitAsync([.. Enumerable.Range(1, 5).Select(i => TestReadings.Bp($"r-{i}", 128, 78, now))], default);
        await sink.SubmitAsync([TestReadings.Bp("r-6", 128, 78, now)], default);

        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        Assert.Equal([["r-1", "r-2", "r-3"]], Ids(await queue.PeekAsync(3, default)));
        Assert.Equal([["r-1", "r-2", "r-3"], ["r-4", "r-5"]], Ids(await queue.PeekAsync(5, default)));
        Assert.Equal([["r-1", "r-2", "r-3"]], Ids(await queue.PeekAsync(1, default)));

        static string[][] Ids(List<QueuedBatch> rows) => [.. rows.Select(r => r.Readings.Select(x => x.ReadingId).ToArray())];
    }

    [Fact]
    public async Task PeekAsync_BacklogBound_OrdinaryRowsTakenInLargerBatches_UrgentRowsKeepTheirBound()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1", batchSize: 2);
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();
        await sink.SubmitAsync([.. Enumerable.Range(1, 7).Select(i => TestReadings.Bp($"r-{i}", 128, 78, now))], default);
        await sink.SubmitAsync([.. Enumerable.Range(1, 3).Select(i => TestReadings.Bp($"u-{i}", 190, 100, now, patientId: null))], default);

        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var urgent = await queue.PeekAsync(maxUrgentReadings: 2, maxOrdinaryReadings: 6, default);
        Assert.Equal([["u-1", "u-2"]], Ids(urgent));

        await _db.ExecuteAsync("""DELETE FROM "alert_evaluation_queue" WHERE "Urgent" """);
        var ordinary = await queue.PeekAsync(maxUrgentReadings: 2, maxOrdinaryReadings: 6, default);
        Assert.Equal([["r-1", "r-2"], ["r-3", "r-4"], ["r-5", "r-6"]], Ids(ordinary));

        static string[][] Ids(List<QueuedBatch> rows) => [.. rows.Select(r => r.Readings.Select(x => x.ReadingId).ToArray())];
    }

    [Fact]
    public async Task PeekAsync_BacklogOfOneReadingRows_TakesAtMostMaxRowsPerPeek_TheRestNext()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1", batchSize: 1);
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();
        var rows = DurableEvaluationQueue.MaxRowsPerPeek + 20;
        await sink.SubmitAsync([.. Enumerable.Range(1, rows).Select(i => TestReadings.Bp($"r-{i}", 128, 78, now))], default);

        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var first = await queue.PeekAsync(maxUrgentReadings: 1, maxOrdinaryReadings: 1000, default);
        Assert.Equal(Enumerable.Range(1, DurableEvaluationQueue.MaxRowsPerPeek).Select(i => $"r-{i}"), first.SelectMany(b => b.Readings).Select(r => r.ReadingId));

        var taken = string.Join(',', first.Select(b => b.QueueId));
        await _db.ExecuteAsync($"""DELETE FROM "alert_evaluation_queue" WHERE "Id" IN ({taken})""");
        var next = await queue.PeekAsync(maxUrgentReadings: 1, maxOrdinaryReadings: 1000, default);
        Assert.Equal(Enumerable.Range(DurableEvaluationQueue.MaxRowsPerPeek + 1, 20).Select(i => $"r-{i}"), next.SelectMany(b => b.Readings).Select(r => r.ReadingId));
    }

    [Fact]
    public async Task QueuedBeforeCrash_NewHostDrainsQueue_AlertsPublishedOnce_QueueEmpty()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await _db.SeedAsync();
        var now = TimeProvider.System.GetUtcNow();
        using (var crashed = BuildHost(broker.Url))
        {
            // The ingest stored and acknowledged these, then died before any engine ran.
            await crashed.Services.GetRequiredService<IAlertReadingSink>().SubmitAsync([TestReadings.Bp("r-1", 185, 100, now), TestReadings.Bp("r-2", 128, 78, now)], default);
        }

        await using var alerts = await broker.SubscribeAsync(Topics.AllAlerts);
        using var host = BuildHost(broker.Url);
        await host.StartAsync();

        await alerts.WaitForAsync(m => m.Any(x => Is(x, RuleIds.BpUrgent, AlertEvents.Raised)), Timeout);
        await WaitUntilAsync(async () => await _db.QueuedAsync() == 0);
        await host.StopAsync();
        Assert.Single(alerts.Messages, x => Is(x, RuleIds.BpUrgent, AlertEvents.Raised));
        // Both were evaluated for the patient, the urgent one first (same measuredAt: the later one does not replace it).
        var patient = await _db.PatientAsync();
        Assert.Equal(("r-1", now), (patient.LastBpReadingId, patient.LastReadingAt));
    }

    [Fact]
    public async Task ProcessQueuedAsync_SameRowsByTwoEngines_SecondCommitFails_OneAlert()
    {
        await _db.SeedAsync();
        using var host = BuildHost("mqtt://127.0.0.1:1");
        await host.Services.GetRequiredService<IAlertReadingSink>().SubmitAsync([TestReadings.Bp("r-1", 185, 100, TimeProvider.System.GetUtcNow())], default);
        var queue = host.Services.GetRequiredService<DurableEvaluationQueue>();
        var batch = await queue.PeekAsync(10, default);

        var first = await NewEngine().ProcessQueuedAsync(batch, default);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => NewEngine().ProcessQueuedAsync(batch, default));

        Assert.Contains(first, e => e.Rule == RuleIds.BpUrgent && e.Event == AlertEvents.Raised);
        Assert.Equal(0, await _db.QueuedAsync());
        await using var db = new RegistryDatabase(_db.ConnectionString).CreateContext();
        Assert.Equal(first.Count, await db.AlertOutbox.CountAsync());
    }

    [Fact]
    public async Task TwoHostsOneRegistry_OneLeads_LeaderStops_OtherTakesOver_EachAlertPublishedOnce()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await _db.SeedAsync();
        await using var alerts = await broker.SubscribeAsync(Topics.AllAlerts);
        using var a = BuildHost(broker.Url);
        using var b = BuildHost(broker.Url);
        await a.StartAsync();
        await WaitUntilAsync(() => Task.FromResult(Leads(a)));
        await b.StartAsync();

        var now = TimeProvider.System.GetUtcNow();
        await a.Services.GetRequiredService<IAlertReadingSink>().SubmitAsync([TestReadings.Bp("r-1", 185, 100, now)], default);
        await b.Services.GetRequiredService<IAlertReadingSink>().SubmitAsync([TestReadings.Glucose("r-2", 2.8, MealContexts.Fasting, now, patientId: null)], default);
        await alerts.WaitForAsync(m => m.Count(x => Is(x, null, AlertEvents.Raised)) >= 2, Timeout);
        Assert.False(Leads(b));

        await a.StopAsync(); // releases the lease: b takes over at its next attempt (every LeaseDuration / 3)
        await WaitUntilAsync(() => Task.FromResult(Leads(b)));
        await a.Services.GetRequiredService<IAlertReadingSink>().SubmitAsync([TestReadings.Bp("r-3", 190, 100, now, patientId: null)], default);
        await alerts.WaitForAsync(m => m.Count(x => Is(x, null, AlertEvents.Raised)) >= 3, Timeout);
        await b.StopAsync();

        var raised = alerts.Messages.Where(x => Is(x, null, AlertEvents.Raised)).Select(x => Parse(x).AlertId).ToList();
        Assert.Equal(raised.Count, raised.Distinct().Count());
        Assert.Equal(0, await _db.QueuedAsync());
    }

    [Fact]
    public async Task OutboxDispatcher_ManyAlerts_EachPublishedOnce_AllRecordedPublished()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await _db.SeedAsync();
        await using var alerts = await broker.SubscribeAsync(Topics.AllAlerts);
        using var host = BuildHost(broker.Url);
        await host.StartAsync();
        var sink = host.Services.GetRequiredService<IAlertReadingSink>();
        var now = TimeProvider.System.GetUtcNow();

        // Forty unassigned urgent readings in separate submits: forty outbox commits while earlier ones are published.
        for (var i = 0; i < 40; i++)
        {
            await sink.SubmitAsync([TestReadings.Bp($"u-{i:D2}", 190, 100, now, patientId: null)], default);
        }

        await alerts.WaitForAsync(m => m.Count(x => Is(x, RuleIds.BpUrgent, AlertEvents.Raised)) >= 40, Timeout);
        // Recorded in batches, so not at once; but every entry is recorded and none published twice meanwhile.
        await WaitUntilAsync(async () =>
        {
            await using var db = new RegistryDatabase(_db.ConnectionString).CreateContext();
            return !await db.AlertOutbox.AnyAsync(e => e.PublishedAt == null);
        });
        await host.StopAsync();

        var raised = alerts.Messages.Where(x => Is(x, RuleIds.BpUrgent, AlertEvents.Raised)).Select(x => Parse(x).AlertId).ToList();
        Assert.Equal(40, raised.Count);
        Assert.Equal(40, raised.Distinct().Count());
        await using var registry = new RegistryDatabase(_db.ConnectionString).CreateContext();
        Assert.All(await registry.AlertOutbox.ToListAsync(), e => Assert.Equal((1, null), (e.PublishAttempts, e.LastError)));
    }

    private static bool Leads(IHost host) => host.Services.GetRequiredService<EngineLeadership>().IsLeader;

    private static bool Is(CollectedMqttMessage message, string? rule, string @event)
    {
        var alert = Parse(message);
        return (rule is null || alert.Rule == rule) && alert.Event == @event;
    }

    private static AlertEventMessage Parse(CollectedMqttMessage message) =>
        JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AlertEventMessage)!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await tick.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>The queue itself, as the ingest's sink reaches it in a leader only when evaluating at once failed.</summary>
    private static IAlertReadingSink Queue(DurableEvaluationQueue queue) => queue;

    private AlertEngine NewEngine() =>
        new(new RegistryDatabase(_db.ConnectionString), TimeProvider.System, Options.Create(new AlertOptions()), new AlertOutboxSignal());

    private IHost BuildHost(string brokerUrl, int batchSize = 200)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = brokerUrl,
            ["Storage:Registry"] = _db.ConnectionString,
            ["Alerts:LeaseDuration"] = "00:00:06",
            ["Alerts:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddAlerting();
        return builder.Build();
    }

    /// <summary>A host that holds the engine lease (never started: no lease worker, no broker), so its queue keeps decoded rows.</summary>
    private IHost BuildLeadingHost(int batchSize)
    {
        var host = BuildHost("mqtt://127.0.0.1:1", batchSize);
        host.Services.GetRequiredService<EngineLeadership>().Set(true, DateTimeOffset.MaxValue);
        return host;
    }

    private async Task<List<string>> ReadingsStorageClassesAsync()
    {
        await using var db = new RegistryDatabase(_db.ConnectionString).CreateContext();
        return await db.Database.SqlQueryRaw<string>("""SELECT typeof("Readings") AS "Value" FROM "alert_evaluation_queue" ORDER BY "Id" """).ToListAsync();
    }
}
