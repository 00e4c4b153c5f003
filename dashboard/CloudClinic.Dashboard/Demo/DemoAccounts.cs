using System.Security.Cryptography;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Demo;

/// <summary>
/// The demo's people and places: a clinic, a grid, a few patients and one account per role. Passwords are new at
/// every start (printed by Program.cs), so a demo left running on a shared PC keeps no well-known password.
/// </summary>
internal sealed class DemoAccounts(RegistryDatabase database, UserAccounts accounts, TimeProvider time)
{
    public const string GridId = "demo-grid-1";

    public static readonly IReadOnlyList<User> Users =
    [
        new() { Id = "doctor", DisplayName = "王医生", Role = UserRoles.Doctor, ClinicId = DemoSettings.ClinicId },
        new() { Id = "grid-worker", DisplayName = "李网格员", Role = UserRoles.GridWorker, ClinicId = DemoSettings.ClinicId, GridId = GridId },
        new() { Id = "clinic-admin", DisplayName = "赵管理员", Role = UserRoles.ClinicAdmin, ClinicId = DemoSettings.ClinicId },
        new() { Id = "county-admin", DisplayName = "县级管理员", Role = UserRoles.CountyAdmin },
    ];

    /// <summary>(user id, password) of each account, in <see cref="Users"/> order, once seeded.</summary>
    public IReadOnlyList<(string UserId, string Password)> Printed { get; private set; } = [];

    public async Task SeedAsync(CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using (var db = database.CreateContext())
        {
            if (await db.Clinics.FindAsync([DemoSettings.ClinicId], ct) is null)
            {
                db.Clinics.Add(new Clinic { Id = DemoSettings.ClinicId, Name = "演示云诊室", TimeZoneId = "Asia/Shanghai" });
                db.Grids.Add(new Grid { Id = GridId, ClinicId = DemoSettings.ClinicId, Name = "一网格" });
                await db.SaveChangesAsync(ct);
            }
        }

        var printed = new List<(string, string)>();
        foreach (var user in Users)
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            await accounts.SetAsync(user, password, "demo", ct);
            printed.Add((user.Id, password));
        }

        await using (var db = database.CreateContext())
        {
            string[] names = ["张*华", "刘*明", "陈*芳"];
            for (var i = 0; i < names.Length; i++)
            {
                var id = $"demo-patient-{i + 1}";
                if (await db.Patients.FindAsync([id], ct) is null)
                {
                    db.Patients.Add(new Patient
                    {
                        Id = id, ClinicId = DemoSettings.ClinicId, GridId = GridId, MaskedName = names[i], BirthDate = new DateOnly(1950 + i, 3, 1),
                        ResponsibleDoctorId = "doctor", RegisteredAt = time.GetUtcNow(),
                    });
                }
            }

            await db.SaveChangesAsync(ct);
        }

        Printed = printed;
    }
}
