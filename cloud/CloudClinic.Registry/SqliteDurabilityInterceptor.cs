using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudClinic.Registry;

/// <summary>
/// Per SQLite connection, as the reading stores do: synchronous=FULL, so a committed alert survives a power cut, not
/// just a crash (sqlite.org/pragma.html#pragma_synchronous); and a busy timeout, so a writer waiting for another
/// (the ingest's queue insert, the engine's commit, the outbox mark share one file) is woken by SQLite's own busy
/// handler within milliseconds of the lock's release. Without it Microsoft.Data.Sqlite retries SQLITE_BUSY after
/// fixed 150 ms sleeps, which put whole 150 ms steps into the urgent-alert latency.
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteDurabilityInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
