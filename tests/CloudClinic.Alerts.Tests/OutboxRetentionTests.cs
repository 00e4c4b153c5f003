using CloudClinic.Alerts.Engine;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

/// <summary>Outbox retention on a real SQLite registry: only sent, webhook-finished entries past the retention go.</summary>
public sealed class OutboxRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-outbox-retention-").FullName;
    private readonly RegistryDatabase _database;

    public OutboxRetentionTests()
    {
        _database = new RegistryDatabase($"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PruneAsync_OnlySentAndWebhookDoneEntriesOlderThanRetention_AreDeleted()
    {
        await _database.EnsureMigratedAsync(default);
        var old = Now.AddDays(-31);
        await using (var db = _database.CreateContext())
        {
            db.AlertOutbox.AddRange(
                Entry("sent-done-old", old, publishedAt: old, webhooksDoneAt: old),
                Entry("sent-done-30d", Now.AddDays(-30).AddMinutes(1), publishedAt: old, webhooksDoneAt: old),
                Entry("sent-webhook-pending-old", old, publishedAt: old, webhooksDoneAt: null),
                Entry("unsent-old", old, publishedAt: null, webhooksDoneAt: old));
            await db.SaveChangesAsync();
        }

        var retention = new OutboxRetention(_database, Options.Create(new AlertOptions()), new FakeTimeProvider(Now));
        var deleted = await retention.PruneAsync(default);

        await using var check = _database.CreateContext();
        Assert.Equal(1, deleted);
        Assert.Equal(
            ["sent-done-30d", "sent-webhook-pending-old", "unsent-old"],
            await check.AlertOutbox.OrderBy(e => e.AlertId).Select(e => e.AlertId).ToListAsync());
    }

    private static AlertOutboxEntry Entry(string alertId, DateTimeOffset createdAt, DateTimeOffset? publishedAt, DateTimeOffset? webhooksDoneAt) => new()
    {
        ClinicId = "clinic-a",
        AlertId = alertId,
        Event = "raised",
        Severity = "urgent",
        Payload = "{}",
        CreatedAt = createdAt,
        PublishedAt = publishedAt,
        WebhooksDoneAt = webhooksDoneAt,
    };
}
