using System.Security.Cryptography;
using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Rules;
using CloudClinic.Alerts.Webhooks;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Registry.Privacy;
using CloudClinic.Registry.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

/// <summary>Alert events from the outbox to a real loopback robot receiver, retries and the delivery log on real SQLite.</summary>
public sealed class WebhookDispatcherTests : IDisposable
{
    private const string FullName = "张三华";
    private const string NationalId = "110101195605011234";
    private const string Phone = "13800138000";

    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-webhooks-").FullName;
    private readonly FakeTimeProvider _alertClock = new(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));
    private readonly RegistryDatabase _database;
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    public WebhookDispatcherTests()
    {
        _database = new RegistryDatabase($"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False");
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RunOnceAsync_Receiver500Then429RetryAfterThenOk_RetriesAndLogsEachAttempt()
    {
        using var receiver = new RobotWebhookReceiver(i => i switch
        {
            0 => new RobotResponse(500, "boom"),
            1 => new RobotResponse(429, "slow down", RetryAfterSeconds: 1),
            _ => RobotResponse.Ok,
        });
        var subscription = await SeedAsync(receiver.Url, WebhookFormats.WeCom);
        await SubscribeAsync(new WebhookSubscription { ClinicId = "clinic-a", GridId = "grid-2", Name = "other grid", Url = receiver.Url });
        var urgent = await RaiseUrgentAsync();

        await Dispatcher(maxAttempts: 4).RunOnceAsync(default);

        var rows = await DeliveriesAsync();
        var first = rows.Where(d => d.AlertId == urgent.AlertId).ToList();
        Assert.Equal([(1, 500, false, false), (2, 429, false, false), (3, 200, true, true)], first.Select(d => (d.Attempt, d.StatusCode, d.Succeeded, d.Final)));
        Assert.All(rows, d => Assert.Equal(subscription.Id, d.SubscriptionId)); // the grid-2 robot hears nothing of grid-1
        Assert.Contains("HTTP 500", first[0].Error, StringComparison.Ordinal);
        var requests = receiver.Requests;
        Assert.Equal(rows.Count, requests.Count);
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(0.9), $"Retry-After 1 s not honoured: {requests[2].At - requests[1].At}");

        var body = JsonDocument.Parse(requests[2].Body).RootElement;
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var content = body.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("【紧急】血压危急值 · 新告警", content, StringComparison.Ordinal);
        Assert.Contains("张*华（p-1）", content, StringComparison.Ordinal);
        Assert.Contains("收缩压 185 mmHg，舒张压 112 mmHg", content, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 08:30（Asia/Shanghai）", content, StringComparison.Ordinal);
        Assert.StartsWith("application/json", requests[2].ContentType, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.DoesNotContain(FullName, r.Body, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain(NationalId, r.Body, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain(Phone, r.Body, StringComparison.Ordinal));
        Assert.Empty(await PendingOutboxAsync());
    }

    [Fact]
    public async Task RunOnceAsync_ReceiverAlwaysFails_FailedDeliveryVisibleAndNotRetriedForever()
    {
        using var receiver = new RobotWebhookReceiver(_ => new RobotResponse(503, "down"));
        var subscription = await SeedAsync(receiver.Url, WebhookFormats.DingTalk);
        var urgent = await RaiseUrgentAsync();
        var dispatcher = Dispatcher(maxAttempts: 3);

        await dispatcher.RunOnceAsync(default);
        var sent = receiver.Requests.Count;
        await dispatcher.RunOnceAsync(default);

        var log = new WebhookDeliveryLog(_database);
        var failed = await log.FailedAsync("clinic-a", 10, default);
        var urgentFailure = Assert.Single(failed, d => d.AlertId == urgent.AlertId);
        Assert.Equal((3, 503, "dingtalk robot", true), (urgentFailure.Attempt, urgentFailure.StatusCode, urgentFailure.SubscriptionName, urgentFailure.Failed));
        var recent = await log.RecentAsync("clinic-a", 100, default);
        Assert.Equal(sent, recent.Count);
        Assert.Equal([3, 2, 1], recent.Where(d => d.AlertId == urgent.AlertId).Select(d => d.Attempt));
        Assert.Equal(sent, receiver.Requests.Count); // done (failed) entries are not sent again
        Assert.Empty(await PendingOutboxAsync());
        Assert.Empty(await log.RecentAsync("clinic-b", 10, default));
        Assert.Equal(subscription.Id, urgentFailure.SubscriptionId);
    }

    [Fact]
    public async Task RunOnceAsync_ReceiverHangs_AttemptTimesOutAndIsRetried()
    {
        using var receiver = new RobotWebhookReceiver(i => i == 0 ? RobotResponse.Ok with { Delay = TimeSpan.FromSeconds(5) } : RobotResponse.Ok);
        await SeedAsync(receiver.Url, WebhookFormats.WeCom);
        var urgent = await RaiseUrgentAsync();

        await Dispatcher(maxAttempts: 3, attemptTimeout: TimeSpan.FromSeconds(1.5)).RunOnceAsync(default);

        var rows = (await DeliveriesAsync()).Where(d => d.AlertId == urgent.AlertId).ToList();
        Assert.Equal([(1, (int?)null, false), (2, 200, true)], rows.Select(d => (d.Attempt, d.StatusCode, d.Succeeded)));
        Assert.Equal(2, receiver.Requests.Count(r => r.Body.Contains(urgent.AlertId, StringComparison.Ordinal)));
        Assert.Contains("timed out", rows[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_RobotAnswers200WithErrcode_CountsAsFailure()
    {
        using var receiver = new RobotWebhookReceiver(i => i == 0 ? new RobotResponse(200, """{"errcode":45009,"errmsg":"api freq out of limit"}""") : RobotResponse.Ok);
        await SeedAsync(receiver.Url, WebhookFormats.WeCom);
        var urgent = await RaiseUrgentAsync();

        await Dispatcher(maxAttempts: 3).RunOnceAsync(default);

        var rows = (await DeliveriesAsync()).Where(d => d.AlertId == urgent.AlertId).ToList();
        Assert.Equal([(1, false), (2, true)], rows.Select(d => (d.Attempt, d.Succeeded)));
        Assert.Equal("errcode 45009: api freq out of limit", rows[0].Error);
    }

    private WebhookDispatcher Dispatcher(int maxAttempts, TimeSpan? attemptTimeout = null)
    {
        var options = Options.Create(new WebhookOptions
        {
            MaxAttempts = maxAttempts,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
        });
        var sender = new WebhookSender(_services.GetRequiredService<IHttpClientFactory>(), _database, options, TimeProvider.System, NullLogger<WebhookSender>.Instance);
        return new WebhookDispatcher(_database, TestLeadership.Leading(), sender, new AlertOutboxSignal(), options, TimeProvider.System, NullLogger<WebhookDispatcher>.Instance);
    }

    private async Task<AlertEventMessage> RaiseUrgentAsync()
    {
        var engine = new AlertEngine(_database, _alertClock, Options.Create(new AlertOptions()), new AlertOutboxSignal());
        var events = await engine.ProcessReadingsAsync([TestReadings.Bp("r-1", 185, 112, _alertClock.GetUtcNow())], default);
        return events.Single(e => e.Rule == RuleIds.BpUrgent);
    }

    private async Task<WebhookSubscription> SeedAsync(string url, string format)
    {
        await _database.EnsureMigratedAsync(default);
        await using (var db = _database.CreateContext())
        {
            db.Clinics.Add(new Clinic { Id = "clinic-a", Name = "城东社区卫生服务中心", TimeZoneId = "Asia/Shanghai" });
            db.Grids.AddRange(new Grid { Id = "grid-1", ClinicId = "clinic-a", Name = "1" }, new Grid { Id = "grid-2", ClinicId = "clinic-a", Name = "2" });
            await db.SaveChangesAsync();
        }

        var directory = new PatientDirectory(_database, new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)), _alertClock);
        await directory.RegisterAsync(new NewPatient("p-1", "clinic-a", "grid-1", new DateOnly(1956, 5, 1), FullName, NationalId, Phone, null, [Conditions.Hypertension]), "admin", default);
        return await SubscribeAsync(new WebhookSubscription { ClinicId = "clinic-a", GridId = "grid-1", Name = $"{format} robot", Url = url, Format = format });
    }

    private async Task<WebhookSubscription> SubscribeAsync(WebhookSubscription subscription)
    {
        await using var db = _database.CreateContext();
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _database.CreateContext();
        return await db.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
    }

    private async Task<List<long>> PendingOutboxAsync()
    {
        await using var db = _database.CreateContext();
        return await db.AlertOutbox.Where(e => e.WebhooksDoneAt == null).Select(e => e.Id).ToListAsync();
    }
}
