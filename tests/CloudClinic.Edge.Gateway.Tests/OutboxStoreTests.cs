using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>The SQLite outbox on a real file.</summary>
public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-outbox-").FullName;
    private readonly List<OutboxDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Peek_UrgentAndNormal_ServesUrgentFirstThenOldestFirst()
    {
        var outbox = Open();
        outbox.TryAdd(Bp("a", 128, 80));
        outbox.TryAdd(Bp("b", 182, 112));
        outbox.TryAdd(Bp("c", 135, 85));
        outbox.TryAdd(Glucose("d", 17.2, null));
        outbox.TryAdd(Glucose("e", 6.0, OutOfRangeMarks.High));

        var order = outbox.Peek(10, new HashSet<string>()).Select(e => e.ReadingId);

        Assert.Equal(["b", "d", "e", "a", "c"], order);
    }

    [Fact]
    public void TryAdd_SameReadingIdTwice_KeepsOneRow()
    {
        var outbox = Open();

        Assert.Equal(OutboxAddResult.Added, outbox.TryAdd(Bp("a", 128, 80)));
        Assert.Equal(OutboxAddResult.Duplicate, outbox.TryAdd(Bp("a", 128, 80)));

        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public void Peek_WithExclusions_SkipsThemAndHonoursTheLimit()
    {
        var outbox = Open();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            outbox.TryAdd(Bp(id, 120, 80));
        }

        var entries = outbox.Peek(2, new HashSet<string> { "a", "c" });

        Assert.Equal(["b", "d"], entries.Select(e => e.ReadingId));
        Assert.Equal(120, entries[0].Reading.Systolic);
    }

    [Fact]
    public void Delete_ThenReopen_KeepsOnlyUnacknowledgedReadings()
    {
        var first = Open();
        first.TryAdd(Bp("a", 120, 80));
        first.TryAdd(Bp("b", 121, 80));
        Assert.Equal(1, first.Delete(["a"]));
        _databases[0].Dispose();

        var reopened = Open();

        Assert.Equal(1, reopened.Count);
        Assert.Equal("b", Assert.Single(reopened.Peek(10, new HashSet<string>())).ReadingId);
    }

    [Fact]
    public void AddRejectedFrame_BeyondTheLimit_KeepsTheNewest()
    {
        var rejected = OpenRejectedFrames(kept: 10);
        for (var i = 0; i < 25; i++)
        {
            rejected.Add("bp-1", $"reason {i}", [(byte)i]);
        }

        var kept = rejected.Recent(100);

        Assert.Equal(10, kept.Count);
        Assert.Equal("reason 24", kept[0].Reason);
        Assert.Equal([(byte)24], kept[0].Raw.ToArray());
    }

    [Fact]
    public void Peek_TornRow_MovesItToRejectedFramesAndServesTheRest()
    {
        var database = Database(10, out var options);
        var budget = new OutboxBudget(database, options, TimeProvider.System, NullLogger<OutboxBudget>.Instance);
        var rejected = new RejectedFrameStore(database, budget, options, TimeProvider.System);
        var outbox = new OutboxStore(database, rejected, budget);
        foreach (var id in new[] { "a", "b", "c" })
        {
            outbox.TryAdd(Bp(id, 120, 80));
        }

        // A torn write: the row keeps only the first half of its JSON.
        var torn = database.Use(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "UPDATE outbox SET payload = substr(payload, 1, length(payload) / 2) WHERE reading_id = 'b' RETURNING payload";
            return (byte[])command.ExecuteScalar()!;
        });

        var served = outbox.Peek(10, new HashSet<string>());

        Assert.Equal(["a", "c"], served.Select(e => e.ReadingId));
        Assert.Equal(2, outbox.Count);
        var frame = Assert.Single(rejected.Recent(10));
        Assert.Equal("outbox", frame.Station);
        Assert.StartsWith("outbox row unreadable", frame.Reason, StringComparison.Ordinal);
        Assert.Equal(torn, frame.Raw.ToArray());
    }

    [Fact]
    public async Task WaitForAdditionAsync_AdditionAfterTheVersionWasRead_Completes()
    {
        var outbox = Open();
        var seen = outbox.AdditionVersion;
        var waiting = outbox.WaitForAdditionAsync(seen, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        outbox.TryAdd(Bp("a", 120, 80));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(outbox.WaitForAdditionAsync(seen, CancellationToken.None).IsCompleted);
    }

    internal static OutboxStore Open(OutboxDatabase database, IOptions<EdgeOptions> options, out OutboxBudget budget)
    {
        budget = new OutboxBudget(database, options, TimeProvider.System, NullLogger<OutboxBudget>.Instance);
        return new OutboxStore(database, new RejectedFrameStore(database, budget, options, TimeProvider.System), budget);
    }

    internal static ReadingMessage Bp(string id, double systolic, double diastolic) => Reading(id, ReadingKinds.BloodPressure) with
    {
        Systolic = systolic,
        Diastolic = diastolic,
    };

    private OutboxStore Open() => Open(Database(1000, out var options), options, out _);

    private RejectedFrameStore OpenRejectedFrames(int kept)
    {
        var database = Database(kept, out var options);
        return new(database, new OutboxBudget(database, options, TimeProvider.System, NullLogger<OutboxBudget>.Instance), options, TimeProvider.System);
    }

    private OutboxDatabase Database(int rejectedKept, out IOptions<EdgeOptions> options)
    {
        options = Options.Create(new EdgeOptions { OutboxPath = "outbox.db", RejectedFramesKept = rejectedKept });
        var database = new OutboxDatabase(options, new HostingEnvironment { ContentRootPath = _directory });
        _databases.Add(database);
        return database;
    }

    private static ReadingMessage Glucose(string id, double mmolL, string? outOfRange) => Reading(id, ReadingKinds.Glucose) with
    {
        MmolL = mmolL,
        OutOfRange = outOfRange,
        Meal = MealContexts.Casual,
    };

    private static ReadingMessage Reading(string id, string kind) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = id,
        ClinicId = "c",
        GatewayId = "g",
        Kind = kind,
        MeasuredAt = At,
        ReceivedAt = At,
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Serial, Protocol = "cclp1" },
    };
}
