using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Registry;

/// <summary>
/// Opens the registry named by a connection string: PostgreSQL when it has a <c>Host=</c>, SQLite (<c>Data Source=</c>)
/// otherwise. Migrations are applied once per process by <see cref="EnsureMigratedAsync"/>; every user of the registry
/// awaits it, so none reads a half-created schema.
/// </summary>
public sealed class RegistryDatabase
{
    // EF builds an internal service provider per distinct options: share them per connection string, so a second
    // RegistryDatabase on the same registry (a restarted engine, another component) costs nothing.
    private static readonly ConcurrentDictionary<string, DbContextOptions> SharedOptions = new(StringComparer.Ordinal);

    private readonly DbContextOptions _options;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private volatile bool _migrated;

    public RegistryDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        IsPostgres = IsPostgresConnectionString(connectionString);
        _options = SharedOptions.GetOrAdd(connectionString, Build);
        if (!IsPostgres)
        {
            SqliteDataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
    }

    private static DbContextOptions Build(string connectionString)
    {
        if (IsPostgresConnectionString(connectionString))
        {
            return new DbContextOptionsBuilder<PostgresRegistryDbContext>()
                .UseNpgsql(connectionString)
                .Options;
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
        {
            throw new ArgumentException("the registry connection string has neither Host= (PostgreSQL) nor Data Source= (SQLite)", nameof(connectionString));
        }

        return new DbContextOptionsBuilder<SqliteRegistryDbContext>()
            // One JSON parameter per list (json_each) instead of EF 10's default of a parameter per element: SQLite binds
            // parameters by name with a linear search, so the engine's 1,000-id IN lists cost a quadratic strncmp scan
            // (9% of the ingest's CPU under load, perf).
            .UseSqlite(sqlite.ToString(), sqliteOptions => sqliteOptions.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(SqliteDurabilityInterceptor.Instance)
            .Options;
    }

    public bool IsPostgres { get; }

    /// <summary>The SQLite file (null for PostgreSQL).</summary>
    public string? SqliteDataSource { get; }

    public static bool IsPostgresConnectionString(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new context (not thread-safe; dispose it). Await <see cref="EnsureMigratedAsync"/> first.</summary>
    public RegistryDbContext CreateContext() =>
        IsPostgres
            ? new PostgresRegistryDbContext((DbContextOptions<PostgresRegistryDbContext>)_options)
            : new SqliteRegistryDbContext((DbContextOptions<SqliteRegistryDbContext>)_options);

    /// <summary>Applies pending migrations (EF's migration lock guards concurrent hosts). Idempotent.</summary>
    public async Task EnsureMigratedAsync(CancellationToken ct)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateLock.WaitAsync(ct);
        try
        {
            if (_migrated)
            {
                return;
            }

            if (SqliteDataSource is { } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            await using var context = CreateContext();
            if (!IsPostgres)
            {
                // WAL sticks to the file: readers (dashboard) never block the engine's writes.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            await context.Database.MigrateAsync(ct);
            _migrated = true;
        }
        finally
        {
            _migrateLock.Release();
        }
    }
}
