using CloudClinic.Storage.DeadLetters;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>
/// Dead letters in a <c>dead_letters</c> table of a SQLite database (the registry's, by default), one row per
/// <see cref="DeadLetter.Fingerprint"/> with a count of how often it arrived.
/// </summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id             TEXT    NOT NULL PRIMARY KEY,
            received_at_ms INTEGER NOT NULL,
            received_at    TEXT    NOT NULL,
            topic          TEXT    NOT NULL,
            reason         TEXT    NOT NULL,
            payload        BLOB    NOT NULL,
            payload_length INTEGER NOT NULL,
            client_id      TEXT    NULL,
            fingerprint    TEXT    NULL,
            times_received INTEGER NOT NULL DEFAULT 1,
            last_received_at TEXT  NULL
        );
        CREATE INDEX IF NOT EXISTS ix_dead_letters_received ON dead_letters (received_at_ms);
        """;

    // Tables created before fingerprints get the columns; their old rows keep a null fingerprint (never merged).
    private const string AddFingerprintColumns = """
        ALTER TABLE dead_letters ADD COLUMN fingerprint TEXT NULL;
        ALTER TABLE dead_letters ADD COLUMN times_received INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE dead_letters ADD COLUMN last_received_at TEXT NULL;
        """;

    private const string FingerprintIndex = "CREATE UNIQUE INDEX IF NOT EXISTS ux_dead_letters_fingerprint ON dead_letters (fingerprint);";

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    /// <param name="connectionString">A SQLite connection string, e.g. <c>Data Source=cloudclinic-registry.db</c>.</param>
    public SqliteDeadLetterStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _database = new SqliteDatabase(connectionString);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(ct);
        try
        {
            if (!_created)
            {
                await _database.EnableWalAsync(ct);
                await using var connection = await _database.OpenAsync(ct);
                await SqliteDatabase.ExecuteAsync(connection, Schema, ct);
                if (!await HasColumnAsync(connection, "fingerprint", ct))
                {
                    await SqliteDatabase.ExecuteAsync(connection, AddFingerprintColumns, ct);
                }

                await SqliteDatabase.ExecuteAsync(connection, FingerprintIndex, ct);
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await EnsureCreatedAsync(ct);
        // The same letter again (a retried write) changes nothing; the same bytes in a new letter count as received again.
        var payload = deadLetter.Payload.Length > DeadLetter.MaxPayloadBytes ? deadLetter.Payload[..DeadLetter.MaxPayloadBytes] : deadLetter.Payload;
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dead_letters (id, received_at_ms, received_at, topic, reason, payload, payload_length, client_id, fingerprint)
            VALUES ($id, $ms, $at, $topic, $reason, $payload, $length, $client, $fingerprint)
            ON CONFLICT (fingerprint) DO UPDATE SET
                times_received = times_received + (id <> excluded.id),
                last_received_at = CASE WHEN id <> excluded.id THEN excluded.received_at ELSE last_received_at END
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$id", deadLetter.Id.ToString("D"));
        command.Parameters.AddWithValue("$ms", deadLetter.ReceivedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$at", deadLetter.ReceivedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$topic", deadLetter.Topic);
        command.Parameters.AddWithValue("$reason", deadLetter.Reason);
        command.Parameters.Add("$payload", SqliteType.Blob).Value = payload.ToArray();
        command.Parameters.AddWithValue("$length", Math.Max(deadLetter.PayloadLength, payload.Length));
        command.Parameters.AddWithValue("$client", (object?)deadLetter.ClientId ?? DBNull.Value);
        command.Parameters.AddWithValue("$fingerprint", (object?)deadLetter.Fingerprint ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Newest first by arrival (rowid): letters of one batch can share a millisecond.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureCreatedAsync(ct);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, received_at, topic, reason, payload, payload_length, client_id, fingerprint, times_received, last_received_at
            FROM dead_letters ORDER BY rowid DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            letters.Add(new DeadLetter
            {
                Id = Guid.Parse(reader.GetString(0)),
                ReceivedAt = DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                Topic = reader.GetString(2),
                Reason = reader.GetString(3),
                Payload = (byte[])reader.GetValue(4),
                PayloadLength = reader.GetInt32(5),
                ClientId = reader.IsDBNull(6) ? null : reader.GetString(6),
                Fingerprint = reader.IsDBNull(7) ? null : reader.GetString(7),
                TimesReceived = reader.GetInt32(8),
                LastReceivedAt = reader.IsDBNull(9) ? null : DateTimeOffset.Parse(reader.GetString(9), System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return letters;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, string column, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('dead_letters') WHERE name = $column;";
        command.Parameters.AddWithValue("$column", column);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dead_letters;";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
