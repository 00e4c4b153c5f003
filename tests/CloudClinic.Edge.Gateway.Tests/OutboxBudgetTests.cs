using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>The outbox disk budget on a real SQLite file (DESIGN.md §5: refuse and alarm, never overwrite).</summary>
public sealed class OutboxBudgetTests : IDisposable
{
    private const long BudgetBytes = 96 * 1024;
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-budget-").FullName;
    private readonly List<OutboxDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TryAdd_BudgetReached_RefusesRaisesAlarmAndKeepsEveryStoredRow()
    {
        var (database, outbox, budget) = Open();

        var stored = Fill(outbox);

        Assert.Equal(OutboxAddResult.Refused, outbox.TryAdd(OutboxStoreTests.Bp("one-more", 120, 80)));
        Assert.Equal(2, budget.RefusedCount);
        Assert.StartsWith("outbox full: ", budget.Alarm, StringComparison.Ordinal);
        Assert.EndsWith($" bytes of budget {BudgetBytes}; refusing new readings", budget.Alarm, StringComparison.Ordinal);
        Assert.True(database.Use(budget.MeasureUsedBytes) <= BudgetBytes);
        Assert.Equal(stored.Count, outbox.Count);
        Assert.Equal(stored, outbox.Peek(stored.Count + 10, new HashSet<string>()).Select(e => e.ReadingId).ToHashSet());

        // A reading read twice needs no room: it is a duplicate, not a refusal.
        Assert.Equal(OutboxAddResult.Duplicate, outbox.TryAdd(OutboxStoreTests.Bp(stored.First(), 120, 80)));
        Assert.Equal(2, budget.RefusedCount);
    }

    [Fact]
    public void Delete_AfterBudgetReached_ReclaimsTheFileClearsTheAlarmAndAcceptsAgain()
    {
        var (database, outbox, budget) = Open();
        var stored = Fill(outbox);
        var fullFileBytes = new FileInfo(database.FilePath).Length;
        var alarmChanges = 0;
        budget.Changed += () => alarmChanges++;

        outbox.Delete(stored.Take(stored.Count / 2).ToList());
        Assert.Null(budget.Alarm);
        Assert.Equal(1, alarmChanges);
        outbox.Delete(stored.ToList());

        Assert.Equal(0, outbox.Count);
        database.Use(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            return command.ExecuteNonQuery();
        });
        Assert.True(new FileInfo(database.FilePath).Length < fullFileBytes / 2, $"file {new FileInfo(database.FilePath).Length} bytes, was {fullFileBytes}");
        Assert.Equal(OutboxAddResult.Added, outbox.TryAdd(OutboxStoreTests.Bp("after", 120, 80)));

        // The budget holds about as many again (ids here are longer) after the space came back.
        var refill = Fill(outbox, prefix: "again");
        Assert.True(refill.Count + 1 >= stored.Count * 8 / 10, $"{refill.Count + 1} readings fit again, {stored.Count} at first");
    }

    [Fact]
    public void Add_RejectedFrameOverBudget_IsNotKept()
    {
        var (database, outbox, budget) = Open();
        Fill(outbox);
        var rejected = new RejectedFrameStore(database, budget, Options(), TimeProvider.System);

        Assert.False(rejected.Add("bp-1", "outbox full", new byte[8 * 1024]));
        Assert.Empty(rejected.Recent(10));
    }

    /// <summary>Adds readings until the first refusal; returns the ids stored.</summary>
    private static HashSet<string> Fill(OutboxStore outbox, string prefix = "r")
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            var id = $"{prefix}-{i:D5}";
            var result = outbox.TryAdd(OutboxStoreTests.Bp(id, 120 + (i % 60), 80));
            if (result == OutboxAddResult.Refused)
            {
                Assert.True(stored.Count >= 20, $"only {stored.Count} readings fit");
                return stored;
            }

            Assert.Equal(OutboxAddResult.Added, result);
            stored.Add(id);
        }

        throw new InvalidOperationException("the budget was never reached");
    }

    private static IOptions<EdgeOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new EdgeOptions { OutboxPath = "outbox.db", OutboxBudgetBytes = BudgetBytes });

    private (OutboxDatabase Database, OutboxStore Outbox, OutboxBudget Budget) Open()
    {
        var options = Options();
        var database = new OutboxDatabase(options, new HostingEnvironment { ContentRootPath = _directory });
        _databases.Add(database);
        var outbox = OutboxStoreTests.Open(database, options, out var budget);
        return (database, outbox, budget);
    }
}
