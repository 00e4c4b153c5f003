using System.Net;
using System.Net.Http.Json;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Registry.Privacy;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>Users, patients and care plans through /api/admin as a clinic admin, against the real registry.</summary>
public sealed class AdminApiTests(AdminDashboardFixture admin) : IClassFixture<AdminDashboardFixture>
{
    [Fact]
    public async Task CreateUser_ByClinicAdmin_GeneratedPasswordSignsInAndIsStoredHashed()
    {
        using var http = await admin.NewClinicAsync("adm-user");

        using var response = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/users",
            new { id = "adm-user-gw", displayName = "网格员甲", role = "gridWorker", gridId = "adm-user-g1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<IssuedPasswordDto>())!;
        Assert.Equal(16, issued.Password.Length);
        Assert.True(await SignsInAsync("adm-user-gw", issued.Password));
        await using var db = Registry();
        var stored = await db.Users.SingleAsync(u => u.Id == "adm-user-gw");
        Assert.Equal((UserRoles.GridWorker, "adm-user", "adm-user-g1"), (stored.Role, stored.ClinicId, stored.GridId));
        Assert.DoesNotContain(issued.Password, stored.PasswordHash!, StringComparison.Ordinal);
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "admin.user.created" && a.EntityId == "adm-user-gw" && a.Actor == "adm-user-admin"));
    }

    [Theory]
    [InlineData("countyAdmin", null)]
    [InlineData("doctor", "clinic-b")]
    public async Task CreateUser_CountyRoleOrOtherClinic_ByClinicAdminIsForbidden(string role, string? clinic)
    {
        using var http = await admin.NewClinicAsync("adm-deny-" + role.ToLowerInvariant());

        using var response = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/users",
            new { id = "x-" + role.ToLowerInvariant(), displayName = "X", role, clinicId = clinic });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task UnlockAndResetPassword_LockedDoctor_UnlocksThenOnlyTheNewPasswordWorks()
    {
        using var http = await admin.NewClinicAsync("adm-lock");
        await using (var db = Registry())
        {
            var doctor = await db.Users.SingleAsync(u => u.Id == "adm-lock-dr");
            doctor.LockedOutUntil = TimeProvider.System.GetUtcNow().AddHours(1);
            await db.SaveChangesAsync();
        }

        Assert.True((await http.GetFromJsonAsync<List<AdminUserDto>>("/api/admin/users?clinic=adm-lock"))!.Single(u => u.Id == "adm-lock-dr").LockedOut);
        using var unlocked = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/users/adm-lock-dr/unlock");
        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.False((await http.GetFromJsonAsync<List<AdminUserDto>>("/api/admin/users?clinic=adm-lock"))!.Single(u => u.Id == "adm-lock-dr").LockedOut);

        using var reset = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/users/adm-lock-dr/reset-password");
        var issued = (await reset.Content.ReadFromJsonAsync<IssuedPasswordDto>())!;

        Assert.True(await SignsInAsync("adm-lock-dr", issued.Password));
        Assert.False(await SignsInAsync("adm-lock-dr", TestAccounts.Password("adm-lock-dr")));
        await using var check = Registry();
        Assert.Equal(2, await check.Audit.CountAsync(a => a.EntityId == "adm-lock-dr" && (a.Action == "admin.user.unlocked" || a.Action == "admin.user.password-reset")));
    }

    [Fact]
    public async Task CreatePatient_IdentityEncryptedWithTheRegistryPurposes_ListShowsOnlyTheMaskedName()
    {
        using var http = await admin.NewClinicAsync("adm-pat");

        using var created = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/patients", new
        {
            name = "欧阳娜娜", nationalId = "510107194511010058", phone = "13600000000", grid = "一网格",
            conditions = new[] { "diabetes" }, responsibleDoctorId = "adm-pat-dr", cardCode = "QR-9",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<AdminPatientDto>())!.Id;
        var list = await http.GetStringAsync(new Uri("/api/admin/patients?clinic=adm-pat", UriKind.Relative));

        Assert.Contains("\"maskedName\":\"欧*娜\"", System.Text.RegularExpressions.Regex.Unescape(list), StringComparison.Ordinal);
        foreach (var personal in new[] { "欧阳娜娜", "510107194511010058", "13600000000", "QR-9" })
        {
            Assert.DoesNotContain(personal, System.Text.RegularExpressions.Regex.Unescape(list), StringComparison.Ordinal);
        }

        var identity = await admin.Service<PatientDirectory>().GetIdentityAsync(id, "test", default);
        Assert.Equal(("欧阳娜娜", "510107194511010058", "13600000000"), (identity!.Name, identity.NationalId, identity.Phone));
        await using var db = Registry();
        var patient = await db.Patients.SingleAsync(p => p.Id == id);
        Assert.Equal((new DateOnly(1945, 11, 1), "adm-pat-g1", "adm-pat-dr", CardCodeHash.Compute("adm-pat", "QR-9")),
            (patient.BirthDate, patient.GridId, patient.ResponsibleDoctorId, patient.CardCodeHash));
    }

    [Fact]
    public async Task UpdatePatient_IdentityNotSent_KeepsItAndChangesTheRest()
    {
        using var http = await admin.NewClinicAsync("adm-edit");
        using var created = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/patients",
            new { name = "赵六", nationalId = "110105195001010063", conditions = new[] { "hypertension" }, cardCode = "OLD" });
        var id = (await created.Content.ReadFromJsonAsync<AdminPatientDto>())!.Id;

        using var updated = await AdminDashboardFixture.SendAsync(http, HttpMethod.Put, $"/api/admin/patients/{id}",
            new { grid = "adm-edit-g1", conditions = new[] { "hypertension", "diabetes" }, cardCode = "NEW" });
        using var badCard = await AdminDashboardFixture.SendAsync(http, HttpMethod.Put, $"/api/admin/patients/{id}", new { nationalId = "110105195001010064" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("nationalIdCheckDigit", Assert.Single((await badCard.Content.ReadFromJsonAsync<List<FieldProblemDto>>())!).Code);
        var identity = await admin.Service<PatientDirectory>().GetIdentityAsync(id, "test", default);
        Assert.Equal(("赵六", "110105195001010063"), (identity!.Name, identity.NationalId));
        await using var db = Registry();
        var patient = await db.Patients.SingleAsync(p => p.Id == id);
        Assert.Equal(("adm-edit-g1", CardCodeHash.Compute("adm-edit", "NEW")), (patient.GridId, patient.CardCodeHash));
        Assert.Equal(2, await db.PatientConditions.CountAsync(c => c.PatientId == id));
    }

    [Fact]
    public async Task CarePlan_DefaultsFromGuideline_OutOfRangeRefused_ValidSavedThenReset()
    {
        using var http = await admin.NewClinicAsync("adm-plan");
        using var created = await AdminDashboardFixture.SendAsync(http, HttpMethod.Post, "/api/admin/patients",
            new { name = "孙七", birthDate = "1960-05-05", conditions = new[] { "hypertension" } });
        var id = (await created.Content.ReadFromJsonAsync<AdminPatientDto>())!.Id;

        var view = (await http.GetFromJsonAsync<CarePlanViewDto>($"/api/admin/patients/{id}/care-plan"))!;
        Assert.False(view.Individual);
        Assert.Equal(CarePlanDefaults.GeneralSystolicTargetMmHg, view.Current.SystolicTargetMmHg);
        Assert.Equal(view.Defaults, view.Current);

        using var typo = await AdminDashboardFixture.SendAsync(http, HttpMethod.Put, $"/api/admin/patients/{id}/care-plan", view.Current with { SystolicTargetMmHg = 1400 });
        using var saved = await AdminDashboardFixture.SendAsync(http, HttpMethod.Put, $"/api/admin/patients/{id}/care-plan", view.Current with { SystolicTargetMmHg = 135 });

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains((await typo.Content.ReadFromJsonAsync<List<FieldProblemDto>>())!, p => p.Column == "systolicTargetMmHg" && p.Code == "outOfRange");
        var individual = (await saved.Content.ReadFromJsonAsync<CarePlanViewDto>())!;
        Assert.Equal((true, 135, 140), (individual.Individual, individual.Current.SystolicTargetMmHg, individual.Defaults.SystolicTargetMmHg));
        await using (var db = Registry())
        {
            var plan = await db.CarePlans.SingleAsync(c => c.PatientId == id);
            Assert.Equal(("individual", "adm-plan-admin"), (plan.Basis, plan.UpdatedBy));
        }

        using var reset = await AdminDashboardFixture.SendAsync(http, HttpMethod.Delete, $"/api/admin/patients/{id}/care-plan");
        Assert.False((await reset.Content.ReadFromJsonAsync<CarePlanViewDto>())!.Individual);
    }

    private RegistryDbContext Registry() => admin.Service<RegistryDatabase>().CreateContext();

    private async Task<bool> SignsInAsync(string userId, string password)
    {
        using var http = admin.Dashboard.CreateDefaultClient(new CookieContainerHandler());
        using var response = await TestAccounts.SignInAsync(http, userId, password);
        return TestAccounts.SignedIn(response);
    }
}
