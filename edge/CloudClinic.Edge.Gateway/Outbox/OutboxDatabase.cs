using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// The gateway's SQLite file (<c>Edge:OutboxPath</c>): WAL mode with synchronous=FULL, so a commit is on disk when it
/// returns and survives a power cut (DESIGN.md §5). One connection behind a lock: the gateway's few writers are fast
/// and SQLite serialises writes anyway.
/// </summary>
internal sealed class OutboxDatabase(IOptions<EdgeOptions> options, IHostEnvironment environment, LoopHeartbeats? heartbeats = null) : IDisposable
{
    /// <summary>What a stuck commit is called in the watchdog's log: acquisition commits and uplink deletes both land here.</summary>
    public const string OperationName = "an outbox database operation";

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    /// <summary>The database file; SQLite keeps the write-ahead log next to it in <c>{FilePath}-wal</c>.</summary>
    public string FilePath { get; } = Path.GetFullPath(options.Value.OutboxPath, environment.ContentRootPath);

    /// <summary>Opens (and creates) the database now, so a bad path fails start-up instead of the first reading.</summary>
    public void EnsureOpen() => Use(_ => 0);

    /// <summary>Runs <paramref name="work"/> with the connection, serialised with every other use.</summary>
    public T Use<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            // A commit that never returns (a dying SD card) hangs acquisition and uplink alike: the watchdog sees it.
            using var operation = heartbeats?.Operation(OperationName);
            return work(_connection ??= Open());
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    private SqliteConnection Open()
    {
        // A relative path is relative to the content root (the app's directory for the Edge host), not the shell's.
        var path = FilePath;
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
            // auto_vacuum takes effect only on a new file (before the first table): deleted rows then give their pages
            // back to the file system on incremental_vacuum. An older file keeps its free pages, which the budget
            // counts as free and new rows reuse. The WAL is checkpointed and cut back to a quarter of the budget
            // (at most SQLite's default 1000 pages) so the log cannot eat the budget (OutboxBudget).
            var walPages = Math.Clamp(options.Value.OutboxBudgetBytes / 4 / 4096, 1, 1000);
            command.CommandText = $"""
                PRAGMA auto_vacuum = INCREMENTAL;
                PRAGMA journal_mode = WAL;
                PRAGMA wal_autocheckpoint = {walPages};
                PRAGMA journal_size_limit = {walPages * 4096};
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
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
