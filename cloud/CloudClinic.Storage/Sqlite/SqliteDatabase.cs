using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>
/// Opens SQLite connections the way the stores need them: WAL (readers never block the writer; set once, it sticks
/// to the file) and synchronous=FULL per connection, so a committed write survives a power cut, not just a crash
/// (sqlite.org/pragma.html#pragma_synchronous).
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("the SQLite connection string has no Data Source", nameof(connectionString));
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string DataSource { get; }

    public static SqliteDatabase FromPath(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(DataSource)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // busy_timeout: a writer waiting for another is woken by SQLite's busy handler within milliseconds, instead
            // of Microsoft.Data.Sqlite's fixed 150 ms retry sleeps.
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task EnableWalAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", ct);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
