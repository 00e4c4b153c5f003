using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// <see cref="IRacpCursorStore"/> in SQLite (WAL, synchronous=FULL: a cursor that moved must survive power loss, or
/// the next sync would ask again for records already committed — harmless by idempotency, but wasteful).
/// </summary>
public sealed class SqliteRacpCursorStore : IRacpCursorStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <param name="path">Database file; created with its table when missing.</param>
    public SqliteRacpCursorStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS racp_cursor (meter TEXT PRIMARY KEY NOT NULL, last_sequence INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public async ValueTask<ushort?> GetLastSequenceAsync(string meterAddress, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT last_sequence FROM racp_cursor WHERE meter = $meter";
            command.Parameters.AddWithValue("$meter", Key(meterAddress));
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is long sequence ? checked((ushort)sequence) : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask SetLastSequenceAsync(string meterAddress, ushort sequence, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO racp_cursor (meter, last_sequence) VALUES ($meter, $sequence)
                ON CONFLICT(meter) DO UPDATE SET last_sequence = excluded.last_sequence
                """;
            command.Parameters.AddWithValue("$meter", Key(meterAddress));
            command.Parameters.AddWithValue("$sequence", (long)sequence);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }

    private static string Key(string address) => address.ToUpper(CultureInfo.InvariantCulture);
}
