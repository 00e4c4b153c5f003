using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// A SQLite registry in a directory of its own (deleted on dispose): one clinic, grid and doctor, and patient p-1 once
/// seeded, with the reads the queue and engine tests check. Unpooled, so a test's file is closed when it ends.
/// </summary>
internal sealed class TestRegistry : IDisposable
{
    private readonly string _directory;

    public TestRegistry(string prefix)
    {
        _directory = Directory.CreateTempSubdirectory(prefix).FullName;
        ConnectionString = $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False";
    }

    public string ConnectionString { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public Task SeedAsync() => SeedAsync(ConnectionString, TimeProvider.System.GetUtcNow());

    /// <summary>Migrates the registry at <paramref name="connectionString"/> and adds clinic-a, grid-1, doc-1 and p-1.</summary>
    public static async Task SeedAsync(string connectionString, DateTimeOffset registeredAt)
    {
        var database = new RegistryDatabase(connectionString);
        await database.EnsureMigratedAsync(default);
        await using var db = database.CreateContext();
        db.Clinics.Add(new Clinic { Id = "clinic-a", Name = "A", TimeZoneId = "Asia/Shanghai" });
        db.Grids.Add(new Grid { Id = "grid-1", ClinicId = "clinic-a", Name = "1" });
        db.Users.Add(new User { Id = "doc-1", DisplayName = "Dr", Role = UserRoles.Doctor, ClinicId = "clinic-a" });
        db.Patients.Add(new Patient
        {
            Id = "p-1", ClinicId = "clinic-a", GridId = "grid-1", BirthDate = new DateOnly(1956, 5, 1), MaskedName = "张*华", NameProtected = "x",
            ResponsibleDoctorId = "doc-1", RegisteredAt = registeredAt,
        });
        await db.SaveChangesAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var db = new RegistryDatabase(ConnectionString).CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Readings waiting in the evaluation queue.</summary>
    public async Task<int> QueuedAsync()
    {
        await using var db = new RegistryDatabase(ConnectionString).CreateContext();
        return await db.EvaluationQueue.SumAsync(q => q.ReadingCount);
    }

    public async Task<List<Alert>> AlertsAsync()
    {
        await using var db = new RegistryDatabase(ConnectionString).CreateContext();
        return await db.Alerts.ToListAsync();
    }

    public async Task<Patient> PatientAsync()
    {
        await using var db = new RegistryDatabase(ConnectionString).CreateContext();
        return await db.Patients.SingleAsync(p => p.Id == "p-1");
    }
}
