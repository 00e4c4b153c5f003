using CloudClinic.Storage.DeadLetters;
using CloudClinic.Storage.Sqlite;

namespace CloudClinic.Storage.Tests;

public sealed class SqliteDeadLetterStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cloudclinic-deadletters-");
    private readonly SqliteDeadLetterStore _store;

    public SqliteDeadLetterStoreTests()
    {
        _store = new SqliteDeadLetterStore($"Data Source={Path.Combine(_directory.FullName, "registry.db")}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task AddAsync_ThenList_ReturnsEveryFieldNewestFirst()
    {
        var older = DeadLetter.Create("cloudclinic/v1/a/g/readings", "malformed JSON", "{oops"u8, At, "gw-client");
        var newer = DeadLetter.Create("cloudclinic/v1/b/g/readings", "clinic mismatch", [0, 1, 255], At.AddSeconds(1));

        await _store.AddAsync(older, CancellationToken.None);
        await _store.AddAsync(newer, CancellationToken.None);
        var listed = await _store.ListAsync(10, CancellationToken.None);

        Assert.Equal([newer.Id, older.Id], listed.Select(d => d.Id));
        var first = listed[1];
        Assert.Equal(("cloudclinic/v1/a/g/readings", "malformed JSON", "gw-client", 5, At), (first.Topic, first.Reason, first.ClientId, first.PayloadLength, first.ReceivedAt));
        Assert.Equal("{oops"u8.ToArray(), first.Payload.ToArray());
        Assert.Null(listed[0].ClientId);
        Assert.Equal(2, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_PayloadOverOneMebibyte_KeepsCappedPayloadAndOriginalLength()
    {
        var payload = new byte[DeadLetter.MaxPayloadBytes + 10];
        payload[^11] = 42;

        await _store.AddAsync(DeadLetter.Create("t", "too big", payload, At), CancellationToken.None);
        var stored = Assert.Single(await _store.ListAsync(1, CancellationToken.None));

        Assert.Equal(DeadLetter.MaxPayloadBytes, stored.Payload.Length);
        Assert.Equal(payload.Length, stored.PayloadLength);
        Assert.True(stored.IsTruncated);
        Assert.Equal(42, stored.Payload.Span[^1]);
    }

    [Fact]
    public async Task ListAsync_Limit_ReturnsOnlyThatMany()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.AddAsync(DeadLetter.Create("t", $"r{i}", [], At.AddSeconds(i)), CancellationToken.None);
        }

        var listed = await _store.ListAsync(2, CancellationToken.None);

        Assert.Equal(["r4", "r3"], listed.Select(d => d.Reason));
        Assert.Equal(5, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_SameBytesReceivedAgain_OneRowCountedTwice_RetriedWriteNotCounted()
    {
        // The ingest died after dead-lettering and before acknowledging: the broker re-sends the same message.
        var first = DeadLetter.Create("cloudclinic/v1/a/g/readings", "malformed JSON", "{oops"u8, At);
        var resent = DeadLetter.Create("cloudclinic/v1/a/g/readings", "malformed JSON", "{oops"u8, At.AddMinutes(1));
        var otherTopic = DeadLetter.Create("cloudclinic/v1/b/g/readings", "malformed JSON", "{oops"u8, At);

        await _store.AddAsync(first, CancellationToken.None);
        await _store.AddAsync(first, CancellationToken.None); // the retry pipeline writing the same letter again
        await _store.AddAsync(resent, CancellationToken.None);
        await _store.AddAsync(otherTopic, CancellationToken.None);

        var listed = await _store.ListAsync(10, CancellationToken.None);
        Assert.Equal(2, await _store.CountAsync(CancellationToken.None));
        var merged = Assert.Single(listed, d => d.Id == first.Id);
        Assert.Equal((2, At, At.AddMinutes(1)), (merged.TimesReceived, merged.ReceivedAt, merged.LastReceivedAt));
        Assert.Equal((1, (DateTimeOffset?)null), (listed.Single(d => d.Id == otherTopic.Id).TimesReceived, listed.Single(d => d.Id == otherTopic.Id).LastReceivedAt));
    }

    [Fact]
    public async Task EnsureCreatedAsync_TableFromBeforeFingerprints_AddsColumns_KeepsOldRows()
    {
        var path = Path.Combine(_directory.FullName, "old.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE dead_letters (id TEXT NOT NULL PRIMARY KEY, received_at_ms INTEGER NOT NULL, received_at TEXT NOT NULL,
                    topic TEXT NOT NULL, reason TEXT NOT NULL, payload BLOB NOT NULL, payload_length INTEGER NOT NULL, client_id TEXT NULL);
                INSERT INTO dead_letters VALUES ('0193a000-0000-7000-8000-000000000001', 0, '2025-03-01T00:00:00.0000000+00:00', 't', 'old', x'7B', 1, NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = new SqliteDeadLetterStore($"Data Source={path}");
        await store.AddAsync(DeadLetter.Create("t", "new", "{"u8, At), CancellationToken.None);
        await store.AddAsync(DeadLetter.Create("t", "new", "{"u8, At.AddSeconds(1)), CancellationToken.None);

        var listed = await store.ListAsync(10, CancellationToken.None);
        Assert.Equal([("new", 2), ("old", 1)], listed.Select(d => (d.Reason, d.TimesReceived)));
        Assert.Null(listed[1].Fingerprint);
    }

    [Fact]
    public async Task CountAsync_NewDatabase_IsZero()
    {
        Assert.Equal(0, await _store.CountAsync(CancellationToken.None));
    }
}
