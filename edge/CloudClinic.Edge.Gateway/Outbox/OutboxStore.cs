using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// The durable outbox (DESIGN.md §5): SQLite in WAL mode with synchronous=FULL, so a committed reading survives a
/// power cut. Keyed by readingId — a reading read twice is one row. Served urgent-looking first, then oldest
/// first; a row is deleted only after the broker acknowledged it. Also keeps the newest rejected frames.
/// One connection behind a lock: the gateway's few writers are fast, and SQLite serialises writes anyway.
/// </summary>
internal sealed class OutboxStore(IOptions<EdgeOptions> options, IHostEnvironment environment, TimeProvider timeProvider) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EdgeOptions _options = options.Value;
    private SqliteConnection? _connection;
    private long _count;
    private long _additions;
    private TaskCompletionSource _added = NewSignal();

    /// <summary>Raised after rows were added or deleted (backlog changed).</summary>
    public event Action? Changed;

    /// <summary>Readings committed and not yet acknowledged by the broker.</summary>
    public long Count
    {
        get
        {
            EnsureOpen();
            return Interlocked.Read(ref _count);
        }
    }

    /// <summary>Increments with every added row; pair with <see cref="WaitForAdditionAsync"/> to never miss one.</summary>
    public long AdditionVersion => Interlocked.Read(ref _additions);

    /// <summary>Opens (and creates) the database now, so a bad path fails start-up instead of the first reading.</summary>
    public void EnsureOpen()
    {
        lock (_gate)
        {
            _ = Connection;
        }
    }

    /// <summary>Commits a reading; false when a row with the same readingId is already waiting (a duplicate read).</summary>
    public bool TryAdd(ReadingMessage reading)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(reading, ContractJsonContext.Default.ReadingMessage);
        bool added;
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO outbox (reading_id, urgent, received_at, payload) VALUES ($id, $urgent, $received, $payload)";
            command.Parameters.AddWithValue("$id", reading.ReadingId);
            command.Parameters.AddWithValue("$urgent", UrgencyClassifier.LooksUrgent(reading) ? 1 : 0);
            command.Parameters.AddWithValue("$received", reading.ReceivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$payload", payload);
            added = command.ExecuteNonQuery() == 1;
            if (added)
            {
                Interlocked.Increment(ref _count);
                Interlocked.Increment(ref _additions);
                Interlocked.Exchange(ref _added, NewSignal()).TrySetResult();
            }
        }

        if (added)
        {
            Changed?.Invoke();
        }

        return added;
    }

    /// <summary>Completes when a reading was added after <paramref name="seenVersion"/> was read.</summary>
    public Task WaitForAdditionAsync(long seenVersion, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _added).Task;
        return AdditionVersion != seenVersion ? Task.CompletedTask : signal.WaitAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> waiting readings in send order, skipping <paramref name="exclude"/> (in flight).</summary>
    public IReadOnlyList<OutboxEntry> Peek(int max, IReadOnlySet<string> exclude)
    {
        var entries = new List<OutboxEntry>(Math.Min(max, 512));
        var corrupt = new List<(string Id, byte[] Payload, string Reason)>();
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = "SELECT reading_id, urgent, payload FROM outbox ORDER BY urgent DESC, rowid LIMIT $limit";
            command.Parameters.AddWithValue("$limit", max + exclude.Count);
            using var reader = command.ExecuteReader();
            while (entries.Count < max && reader.Read())
            {
                var id = reader.GetString(0);
                if (exclude.Contains(id))
                {
                    continue;
                }

                var payload = (byte[])reader.GetValue(2);
                try
                {
                    var reading = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.ReadingMessage)
                        ?? throw new JsonException("null reading");
                    entries.Add(new OutboxEntry(id, reading, reader.GetInt64(1) == 1));
                }
                catch (JsonException ex)
                {
                    corrupt.Add((id, payload, $"outbox row unreadable: {ex.Message}"));
                }
            }
        }

        // A row that can no longer be read must not block the queue or vanish: it moves to rejected_frames.
        foreach (var (id, payload, reason) in corrupt)
        {
            AddRejectedFrame("outbox", reason, payload);
            Delete([id]);
        }

        return entries;
    }

    /// <summary>Deletes acknowledged readings; returns how many rows went.</summary>
    public int Delete(IReadOnlyCollection<string> readingIds)
    {
        var deleted = 0;
        lock (_gate)
        {
            using var transaction = Connection.BeginTransaction();
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM outbox WHERE reading_id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (var readingId in readingIds)
            {
                id.Value = readingId;
                deleted += command.ExecuteNonQuery();
            }

            transaction.Commit();
            Interlocked.Add(ref _count, -deleted);
        }

        if (deleted > 0)
        {
            Changed?.Invoke();
        }

        return deleted;
    }

    /// <summary>Keeps a frame the gateway could not use, with its raw bytes, pruning beyond the configured number.</summary>
    public void AddRejectedFrame(string station, string reason, ReadOnlySpan<byte> raw)
    {
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO rejected_frames (station, received_at, reason, raw) VALUES ($station, $at, $reason, $raw);
                DELETE FROM rejected_frames WHERE id <= (SELECT MAX(id) FROM rejected_frames) - $keep;
                """;
            command.Parameters.AddWithValue("$station", station);
            command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$raw", raw.ToArray());
            command.Parameters.AddWithValue("$keep", _options.RejectedFramesKept);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The newest rejected frames, newest first (for diagnostics and tests).</summary>
    public IReadOnlyList<(string Station, string Reason, byte[] Raw)> RecentRejectedFrames(int max)
    {
        var frames = new List<(string, string, byte[])>();
        lock (_gate)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = "SELECT station, reason, raw FROM rejected_frames ORDER BY id DESC LIMIT $max";
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                frames.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }

        return frames;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    private SqliteConnection Connection => _connection ??= Open();

    private SqliteConnection Open()
    {
        // A relative path is relative to the content root (the app's directory for the Edge host), not the shell's.
        var path = Path.GetFullPath(_options.OutboxPath, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL + FULL: a commit is on disk when it returns (the outbox must survive a power cut, DESIGN.md §5).
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA busy_timeout = 5000;
                CREATE TABLE IF NOT EXISTS outbox (
                    reading_id  TEXT    NOT NULL PRIMARY KEY,
                    urgent      INTEGER NOT NULL,
                    received_at INTEGER NOT NULL,
                    payload     BLOB    NOT NULL);
                CREATE INDEX IF NOT EXISTS outbox_send_order ON outbox (urgent);
                CREATE TABLE IF NOT EXISTS rejected_frames (
                    id          INTEGER PRIMARY KEY AUTOINCREMENT,
                    station     TEXT    NOT NULL,
                    received_at INTEGER NOT NULL,
                    reason      TEXT    NOT NULL,
                    raw         BLOB    NOT NULL);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
            command.CommandText = "SELECT COUNT(*) FROM outbox";
            _count = (long)command.ExecuteScalar()!;
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
