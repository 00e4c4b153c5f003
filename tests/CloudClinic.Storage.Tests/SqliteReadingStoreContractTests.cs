using CloudClinic.Storage.Sqlite;

namespace CloudClinic.Storage.Tests;

public sealed class SqliteReadingStoreContractTests : ReadingStoreContractTests, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cloudclinic-sqlite-");

    public SqliteReadingStoreContractTests()
    {
        Store = new SqliteReadingStore(Path.Combine(_directory.FullName, "nested", "readings.db"));
    }

    protected override IReadingStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
