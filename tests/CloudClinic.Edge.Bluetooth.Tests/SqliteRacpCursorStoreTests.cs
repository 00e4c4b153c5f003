namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class SqliteRacpCursorStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cloudclinic-racp-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task GetLastSequenceAsync_NeverStored_ReturnsNull()
    {
        using var store = new SqliteRacpCursorStore(_path);

        Assert.Null(await store.GetLastSequenceAsync("C0:26:DA:00:00:02", CancellationToken.None));
    }

    [Fact]
    public async Task SetLastSequenceAsync_ThenReopened_KeepsTheLatestValuePerMeter()
    {
        using (var store = new SqliteRacpCursorStore(_path))
        {
            await store.SetLastSequenceAsync("c0:26:da:00:00:02", 41, CancellationToken.None);
            await store.SetLastSequenceAsync("C0:26:DA:00:00:02", 65535, CancellationToken.None);
            await store.SetLastSequenceAsync("C0:26:DA:00:00:03", 7, CancellationToken.None);
        }

        using var reopened = new SqliteRacpCursorStore(_path);
        Assert.Equal((ushort)65535, await reopened.GetLastSequenceAsync("C0:26:DA:00:00:02", CancellationToken.None));
        Assert.Equal((ushort)7, await reopened.GetLastSequenceAsync("c0:26:da:00:00:03", CancellationToken.None));
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
