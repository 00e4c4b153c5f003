using CloudClinic.Registry.Model;
using CloudClinic.Storage.DeadLetters;
using CloudClinic.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CloudClinic.Registry.Tests;

/// <summary>Migrations on a real SQLite file: from empty, again after a restart, and next to the ingest's dead letters.</summary>
public sealed class RegistryMigrationTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempRegistry _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task EnsureMigratedAsync_EmptyFile_CreatesEveryTable()
    {
        await _registry.Open().EnsureMigratedAsync(default);

        foreach (var table in new[] { "clinics", "grids", "users", "patients", "patient_conditions", "care_plans", "alerts", "alert_snoozes", "tasks", "audit_log", "alert_outbox", "webhook_subscriptions", "webhook_deliveries", "gateways" })
        {
            Assert.Equal(1, await _registry.ScalarAsync($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        Assert.Equal("wal", await JournalModeAsync());
    }

    [Fact]
    public async Task EnsureMigratedAsync_Restarted_IsIdempotentAndKeepsData()
    {
        var first = _registry.Open();
        await first.EnsureMigratedAsync(default);
        await first.EnsureMigratedAsync(default);
        await AddClinicAsync(first, "clinic-a");
        var history = await _registry.ScalarAsync("SELECT COUNT(*) FROM __EFMigrationsHistory");

        var restarted = _registry.Open();
        await restarted.EnsureMigratedAsync(default);

        await using var db = restarted.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(history, await _registry.ScalarAsync("SELECT COUNT(*) FROM __EFMigrationsHistory"));
        Assert.Equal(db.Database.GetMigrations().Count(), history);
        Assert.Equal(["clinic-a"], await db.Clinics.Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task DeadLettersFirst_ThenMigrations_BothTablesWork()
    {
        var deadLetters = new SqliteDeadLetterStore(_registry.ConnectionString);
        await deadLetters.EnsureCreatedAsync(default);
        await deadLetters.AddAsync(DeadLetter.Create("cloudclinic/v1/clinic-a/gw-1/readings", "not json", "{"u8, At), default);

        await _registry.Open().EnsureMigratedAsync(default);

        await AssertBothWorkAsync();
    }

    [Fact]
    public async Task MigrationsFirst_ThenDeadLetters_BothTablesWork()
    {
        await _registry.Open().EnsureMigratedAsync(default);
        var deadLetters = new SqliteDeadLetterStore(_registry.ConnectionString);
        await deadLetters.EnsureCreatedAsync(default);
        await deadLetters.AddAsync(DeadLetter.Create("cloudclinic/v1/clinic-a/gw-1/readings", "not json", "{"u8, At), default);

        await AssertBothWorkAsync();
    }

    [Fact]
    public async Task EvaluationQueueBatches_UpgradeWithQueuedReading_RowBecomesOneReadingArray()
    {
        // A reading the previous version queued but never evaluated must survive the upgrade, still readable.
        var database = _registry.Open();
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_EvaluationQueueBatches", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        await _registry.ExecuteAsync(
            """INSERT INTO alert_evaluation_queue ("Urgent", "ReadingId", "Reading", "EnqueuedAtUnixMs") VALUES (1, 'r-1', @json, 0)""",
            ("@json", """{"readingId":"r-1","systolic":185}"""));

        await database.EnsureMigratedAsync(default);

        await using var upgraded = database.CreateContext();
        var row = Assert.Single(await upgraded.EvaluationQueue.ToListAsync());
        Assert.Equal((true, 1, """[{"readingId":"r-1","systolic":185}]"""), (row.Urgent, row.ReadingCount, row.Readings));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Model_MatchesItsMigrationSnapshot(bool postgres)
    {
        // A model change without `dotnet ef migrations add` would leave the schema behind the code.
        using RegistryDbContext db = postgres
            ? new PostgresDesignTimeFactory().CreateDbContext([])
            : new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    private async Task AssertBothWorkAsync()
    {
        // A restart runs both start-up paths again on the same file.
        var restartedStore = new SqliteDeadLetterStore(_registry.ConnectionString);
        await restartedStore.EnsureCreatedAsync(default);
        var database = _registry.Open();
        await database.EnsureMigratedAsync(default);
        await AddClinicAsync(database, "clinic-a");

        Assert.Equal("not json", Assert.Single(await restartedStore.ListAsync(10, default)).Reason);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.Clinics.CountAsync());
    }

    private static async Task AddClinicAsync(RegistryDatabase database, string id)
    {
        await using var db = database.CreateContext();
        db.Clinics.Add(new Clinic { Id = id, Name = id });
        await db.SaveChangesAsync();
    }

    private async Task<string> JournalModeAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_registry.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
