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
    public async Task CountAsync_NewDatabase_IsZero()
    {
        Assert.Equal(0, await _store.CountAsync(CancellationToken.None));
    }
}
