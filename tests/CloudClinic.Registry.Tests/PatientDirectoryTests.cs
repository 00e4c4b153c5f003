using System.Security.Cryptography;
using System.Text;
using CloudClinic.Registry.Model;
using CloudClinic.Registry.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Registry.Tests;

/// <summary>Personal data encrypted at rest in a real SQLite file, bound to its row and field, and every read audited.</summary>
public sealed class PatientDirectoryTests : IDisposable
{
    private const string Name = "欧阳建国";
    private const string NationalId = "110101195001021234";
    private const string Phone = "13912345678";

    private readonly TempRegistry _registry = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly PersonalDataProtector _protector = new(RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes));

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task RegisterAsync_Identity_NotInTheRawDatabaseBytes_ButReadableThroughTheDirectory()
    {
        var directory = await SeededDirectoryAsync();

        await directory.RegisterAsync(TempRegistry.Patient("p-1", Name, NationalId, Phone), "admin-1", default);

        var raw = _registry.RawBytes();
        Assert.True(Contains(raw, "欧*国"), "the scan must see row data (masked name)");
        Assert.False(Contains(raw, Name), "name in plaintext");
        Assert.False(Contains(raw, NationalId), "national ID in plaintext");
        Assert.False(Contains(raw, Phone), "phone in plaintext");
        var identity = await directory.GetIdentityAsync("p-1", "doc-1", default);
        Assert.Equal(new PatientIdentity("p-1", Name, NationalId, Phone), identity);
        Assert.DoesNotContain(Name, identity!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIdentityAsync_CiphertextCopiedFromAnotherRow_FailsToDecrypt()
    {
        var directory = await SeededDirectoryAsync();
        await directory.RegisterAsync(TempRegistry.Patient("p-1", Name, NationalId, Phone), "admin-1", default);
        await directory.RegisterAsync(TempRegistry.Patient("p-2", "王五", null, null), "admin-1", default);

        // An insider with SQL access swaps p-1's encrypted name into p-2's row.
        await _registry.ExecuteAsync("UPDATE patients SET \"NameProtected\" = (SELECT \"NameProtected\" FROM patients WHERE \"Id\" = 'p-1') WHERE \"Id\" = 'p-2'");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => directory.GetIdentityAsync("p-2", "doc-1", default));
        Assert.Equal(Name, (await directory.GetIdentityAsync("p-1", "doc-1", default))!.Name);
    }

    [Fact]
    public async Task GetIdentityAsync_FieldCopiedWithinTheRow_FailsToDecrypt()
    {
        var directory = await SeededDirectoryAsync();
        await directory.RegisterAsync(TempRegistry.Patient("p-1", Name, NationalId, Phone), "admin-1", default);

        await _registry.ExecuteAsync("UPDATE patients SET \"PhoneProtected\" = \"NationalIdProtected\" WHERE \"Id\" = 'p-1'");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => directory.GetIdentityAsync("p-1", "doc-1", default));
    }

    [Fact]
    public async Task GetIdentityAsync_AnotherKey_FailsToDecrypt()
    {
        var directory = await SeededDirectoryAsync();
        await directory.RegisterAsync(TempRegistry.Patient("p-1", Name, NationalId, Phone), "admin-1", default);
        var otherKey = new PatientDirectory(_registry.Open(), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)), _time);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => otherKey.GetIdentityAsync("p-1", "doc-1", default));
    }

    [Fact]
    public async Task GetIdentityAsync_EveryRead_AuditedWithIdsOnly()
    {
        var directory = await SeededDirectoryAsync();
        await directory.RegisterAsync(TempRegistry.Patient("p-1", Name, NationalId, Phone), "admin-1", default);
        _time.Advance(TimeSpan.FromMinutes(5));

        await directory.GetIdentityAsync("p-1", "doc-1", default);
        await directory.GetIdentityAsync("p-1", "doc-2", default);
        Assert.Null(await directory.GetIdentityAsync("p-404", "doc-1", default));

        await using var db = _registry.Open().CreateContext();
        var audit = await db.Audit.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [("admin-1", "patient.registered", "p-1"), ("doc-1", "patient.identity.read", "p-1"), ("doc-2", "patient.identity.read", "p-1")],
            audit.Select(a => (a.Actor, a.Action, a.EntityId)));
        Assert.All(audit, a => Assert.Equal(("patient", "clinic-a"), (a.EntityType, a.ClinicId)));
        Assert.Equal(_time.GetUtcNow(), audit[^1].At);
        Assert.All(audit, a => Assert.DoesNotContain(Name, $"{a.Detail}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterAsync_UnknownCondition_RefusedBeforeAnyWrite()
    {
        var directory = await SeededDirectoryAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => directory.RegisterAsync(
            TempRegistry.Patient("p-1", Name, null, null) with { Conditions = ["gout"] }, "admin-1", default));

        Assert.Equal(0, await _registry.ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    private async Task<PatientDirectory> SeededDirectoryAsync()
    {
        var database = _registry.Open();
        await database.EnsureMigratedAsync(default);
        await using (var db = database.CreateContext())
        {
            db.Clinics.Add(new Clinic { Id = "clinic-a", Name = "A" });
            await db.SaveChangesAsync();
        }

        return new PatientDirectory(database, _protector, _time);
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
