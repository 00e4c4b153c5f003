using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// The clinic roster for check-in, kept in check-in's SQLite file (<see cref="CheckInDatabase"/>) so check-in works while the link to the cloud is
/// down. Replaced whole by a newer retained roster; an older or another clinic's roster is refused with a reason.
/// Names are masked again on the way in (<see cref="NameMask"/> is idempotent): whatever the sender did, this file never
/// holds more of a name than 张*华. Card codes are held only as the cloud's salted hashes (<see cref="CardCodeHash"/>).
/// </summary>
internal sealed class RosterCache(CheckInDatabase database, IOptions<EdgeOptions> edge)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS roster_patients (patient_id TEXT NOT NULL PRIMARY KEY, display_name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS roster_cards (card_hash TEXT NOT NULL PRIMARY KEY, patient_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS roster_meta (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), issued_at_ms INTEGER NOT NULL);
        """;

    private readonly string _clinicId = edge.Value.ClinicId;
    private bool _schemaReady;

    /// <summary>Raised after every roster that arrived, applied or refused (with the refusal, or null).</summary>
    public event Action<string?>? Received;

    /// <summary>Parses and applies a roster payload; returns null when applied, else why not. Never throws on bad input.</summary>
    public string? Apply(ReadOnlySpan<byte> payload)
    {
        RosterMessage? roster;
        try
        {
            roster = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.RosterMessage);
        }
        catch (JsonException ex)
        {
            var refusal = $"roster is not valid JSON of {RosterMessage.SchemaV1}: {ex.Message}";
            Received?.Invoke(refusal);
            return refusal;
        }

        if (roster is null)
        {
            Received?.Invoke("roster payload is null");
            return "roster payload is null";
        }

        return Apply(roster);
    }

    public string? Apply(RosterMessage roster)
    {
        var refusal = TryApply(roster);
        Received?.Invoke(refusal);
        return refusal;
    }

    private string? TryApply(RosterMessage roster)
    {
        if (roster.Schema != RosterMessage.SchemaV1)
        {
            return $"roster schema '{roster.Schema}' is not {RosterMessage.SchemaV1}";
        }

        if (roster.ClinicId != _clinicId)
        {
            return $"roster is for clinic '{roster.ClinicId}', this gateway belongs to '{_clinicId}'";
        }

        if (roster.Patients.FirstOrDefault(p => !Topics.IsValidId(p.PatientId)) is { } bad)
        {
            return $"roster patient id '{bad.PatientId}' is not [a-z0-9-]{{1,64}}";
        }

        return Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var current = CheckInSql.Scalar(connection, "SELECT issued_at_ms FROM roster_meta WHERE id = 1");
            var issuedAtMs = roster.IssuedAt.ToUnixTimeMilliseconds();
            if (current is long currentMs && currentMs > issuedAtMs)
            {
                return $"roster issued {roster.IssuedAt:O} is older than the cached one; kept the cached one";
            }

            CheckInSql.Execute(connection, "DELETE FROM roster_patients; DELETE FROM roster_cards;");
            foreach (var patient in roster.Patients)
            {
                CheckInSql.Execute(connection, "INSERT OR REPLACE INTO roster_patients VALUES ($id, $name)", ("$id", patient.PatientId), ("$name", NameMask.Mask(patient.DisplayName)));
                foreach (var hash in patient.CardHashes)
                {
                    CheckInSql.Execute(connection, "INSERT OR REPLACE INTO roster_cards VALUES ($hash, $id)", ("$hash", hash.ToLowerInvariant()), ("$id", patient.PatientId));
                }
            }

            CheckInSql.Execute(connection, "INSERT OR REPLACE INTO roster_meta VALUES (1, $at)", ("$at", issuedAtMs));
            transaction.Commit();
            return null;
        });
    }

    public RosterEntry? Find(string patientId) =>
        Use(connection => Query(connection, "SELECT patient_id, display_name FROM roster_patients WHERE patient_id = $id", ("$id", patientId)).FirstOrDefault());

    /// <summary>The patient whose card this is: the scanned code is hashed the way the registry hashed it.</summary>
    public RosterEntry? FindByCard(string cardCode)
    {
        var hash = CardCodeHash.Compute(_clinicId, cardCode);
        return Use(connection => Query(
            connection,
            "SELECT p.patient_id, p.display_name FROM roster_cards c JOIN roster_patients p ON p.patient_id = c.patient_id WHERE c.card_hash = $hash",
            ("$hash", hash)).FirstOrDefault());
    }

    /// <summary>For the kiosk's search box: masked name or id containing the text, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RosterEntry> Search(string text, int limit) =>
        Use(connection => Query(
            connection,
            "SELECT patient_id, display_name FROM roster_patients WHERE instr(display_name, $text) > 0 OR instr(patient_id, $text) > 0 ORDER BY patient_id LIMIT $limit",
            ("$text", text.Trim()),
            ("$limit", limit)));

    public int Count => Use(connection => (int)(long)(CheckInSql.Scalar(connection, "SELECT count(*) FROM roster_patients") ?? 0L));

    private T Use<T>(Func<SqliteConnection, T> work) => database.Use(connection =>
    {
        if (!_schemaReady)
        {
            CheckInSql.Execute(connection, Schema);
            _schemaReady = true;
        }

        return work(connection);
    });

    private static List<RosterEntry> Query(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = CheckInSql.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<RosterEntry>();
        while (reader.Read())
        {
            entries.Add(new RosterEntry(reader.GetString(0), reader.GetString(1)));
        }

        return entries;
    }
}
