using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>Maps SQLite result codes (sqlite.org/rescode.html) onto what the caller should do.</summary>
internal static class SqliteFailures
{
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;

    public static ReadingStoreException ToStoreException(SqliteException ex, string operation)
    {
        var kind = ex.SqliteErrorCode switch
        {
            SqliteTooBig => ReadingStoreFailure.TooLarge,
            SqliteConstraint or SqliteMismatch => ReadingStoreFailure.Rejected,
            // BUSY, LOCKED, FULL, IOERR, CANTOPEN, READONLY …: the disk or another process; may clear up.
            _ => ReadingStoreFailure.Transient,
        };
        return new ReadingStoreException(kind, $"SQLite {operation} failed: {ex.Message}", ex);
    }
}
