using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// Check-in's own SQLite file next to the outbox (<c>outbox.db</c> → <c>outbox.checkin.db</c>): the roster and open
/// sessions must not take room from the outbox's disk budget, which is for readings. WAL, synchronous=FULL, one
/// connection behind a lock, like the outbox.
/// </summary>
internal sealed class CheckInDatabase(IOptions<EdgeOptions> options, IHostEnvironment environment) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    public string FilePath { get; } = Path.ChangeExtension(Path.GetFullPath(options.Value.OutboxPath, environment.ContentRootPath), ".checkin.db");

    public T Use<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
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
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        CheckInSql.Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }
}
