using Microsoft.Data.Sqlite;

namespace CloudClinic.Edge.Status;

/// <summary>
/// Reads the gateway's outbox (schema: edge/CloudClinic.Edge.Gateway/Outbox/OutboxDatabase.cs) without writing to it,
/// so the <c>status</c> command is safe to run beside the running gateway: it never creates the file or changes the
/// schema, and WAL mode lets it read while the gateway writes.
/// </summary>
internal static class OutboxSnapshotReader
{
    /// <exception cref="SqliteException">The file is not an outbox database or cannot be read.</exception>
    public static OutboxSnapshot Read(string outboxPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = outboxPath,
            // ReadOnly fails on a missing file instead of creating an empty outbox that would report "backlog 0".
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();

        using (var pragma = connection.CreateCommand())
        {
            // The gateway may hold the write lock for a moment (a checkpoint); wait for it like the gateway does.
            pragma.CommandText = "PRAGMA busy_timeout = 5000";
            pragma.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        // One statement, so the figures come from one consistent read snapshot.
        command.CommandText = """
            SELECT
                (SELECT COUNT(*) FROM outbox),
                (SELECT COUNT(*) FROM outbox WHERE urgent = 1),
                (SELECT MIN(received_at) FROM outbox),
                (SELECT COUNT(*) FROM rejected_frames),
                r.received_at, r.station, r.reason
            FROM (SELECT 1) LEFT JOIN (SELECT received_at, station, reason FROM rejected_frames ORDER BY id DESC LIMIT 1) r;
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var oldest = reader.IsDBNull(2) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        var lastRejected = reader.IsDBNull(4)
            ? null
            : new RejectedFrameSummary(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetString(5), reader.GetString(6));
        return new OutboxSnapshot(outboxPath, reader.GetInt64(0), reader.GetInt64(1), oldest, reader.GetInt64(3), lastRejected);
    }
}
