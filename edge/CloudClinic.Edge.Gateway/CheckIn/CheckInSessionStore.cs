using Microsoft.Data.Sqlite;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// Open check-in sessions, one per station, in check-in's SQLite file: a gateway that restarts (power cut, watchdog)
/// mid-session still gives the patient's next reading to the patient.
/// </summary>
internal sealed class CheckInSessionStore(CheckInDatabase database)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS check_in_sessions (
            station       TEXT    NOT NULL PRIMARY KEY,
            patient_id    TEXT    NOT NULL,
            display_name  TEXT,
            source        TEXT    NOT NULL,
            opened_at_ms  INTEGER NOT NULL,
            expires_at_ms INTEGER NOT NULL);
        """;

    private bool _schemaReady;

    /// <summary>Replaces the station's session: the newest check-in at a station wins.</summary>
    public void Save(CheckInSession session) => Use(connection =>
    {
        CheckInSql.Execute(
            connection,
            "INSERT OR REPLACE INTO check_in_sessions VALUES ($station, $patient, $name, $source, $opened, $expires)",
            ("$station", session.Station),
            ("$patient", session.PatientId),
            ("$name", (object?)session.DisplayName ?? DBNull.Value),
            ("$source", session.Source.ToString()),
            ("$opened", session.OpenedAt.ToUnixTimeMilliseconds()),
            ("$expires", session.ExpiresAt.ToUnixTimeMilliseconds()));
        return 0;
    });

    public CheckInSession? Find(string station) => Use(connection =>
    {
        using var command = CheckInSql.Command(connection, "SELECT station, patient_id, display_name, source, opened_at_ms, expires_at_ms FROM check_in_sessions WHERE station = $station", ("$station", station));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    public IReadOnlyList<CheckInSession> All() => Use(connection =>
    {
        using var command = CheckInSql.Command(connection, "SELECT station, patient_id, display_name, source, opened_at_ms, expires_at_ms FROM check_in_sessions ORDER BY station");
        using var reader = command.ExecuteReader();
        var sessions = new List<CheckInSession>();
        while (reader.Read())
        {
            sessions.Add(Read(reader));
        }

        return sessions;
    });

    /// <summary>Ends the station's session (check-out); true when there was one.</summary>
    public bool Remove(string station) => Use(connection =>
    {
        using var command = CheckInSql.Command(connection, "DELETE FROM check_in_sessions WHERE station = $station", ("$station", station));
        return command.ExecuteNonQuery() > 0;
    });

    private static CheckInSession Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        Enum.Parse<CheckInSource>(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private T Use<T>(Func<SqliteConnection, T> work) => database.Use(connection =>
    {
        if (!_schemaReady)
        {
            CheckInSql.Execute(connection, Schema);
            _schemaReady = true;
        }

        return work(connection);
    });
}
