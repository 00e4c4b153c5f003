using CloudClinic.Registry.Privacy;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Registry.Tests;

/// <summary>A registry SQLite file in its own temp folder (no pooling, so the file is closed between uses).</summary>
internal sealed class TempRegistry : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-registry-").FullName;

    public TempRegistry()
    {
        FilePath = Path.Combine(_directory, "registry.db");
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>A new instance on the same file, like a restarted host.</summary>
    public RegistryDatabase Open() => new(ConnectionString);

    /// <summary>Every byte SQLite wrote: the database, and the WAL if one is left.</summary>
    public byte[] RawBytes() =>
        [.. Directory.GetFiles(_directory, "registry.db*").Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes)];

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static NewPatient Patient(string id, string name, string? nationalId, string? phone) =>
        new(id, "clinic-a", null, new DateOnly(1950, 1, 2), name, nationalId, phone, null, ["hypertension"]);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
