using CloudClinic.Storage.Sqlite;

namespace CloudClinic.Storage.Tests;

public sealed class SqliteReadingAssignmentContractTests : ReadingAssignmentContractTests, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cloudclinic-sqlite-");

    public SqliteReadingAssignmentContractTests()
    {
        Store = new SqliteReadingStore(Path.Combine(_directory.FullName, "readings.db"));
    }

    protected override IReadingStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
