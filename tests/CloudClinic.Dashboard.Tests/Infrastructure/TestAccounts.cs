using System.Net;
using System.Text.Json;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// Two clinics (A with grid A1, B with grid B1) and one account per role in clinic A, plus a county admin, seeded
/// into the dashboard's real registry; sign-in goes through the real form POST with its anti-forgery token.
/// </summary>
public static class TestAccounts
{
    public const string ClinicA = "clinic-a";
    public const string ClinicB = "clinic-b";
    public const string GridA = "grid-a1";
    public const string GridB = "grid-b1";

    public const string Doctor = "doctor-a";
    public const string GridWorker = "grid-worker-a";
    public const string ClinicAdmin = "clinic-admin-a";
    public const string CountyAdmin = "county-admin";

    public static readonly IReadOnlyList<string> Roles = [Doctor, GridWorker, ClinicAdmin, CountyAdmin];

    public static string Password(string userId) => "pw-" + userId + "-2026";

    internal static async Task SeedAsync(IServiceProvider services)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            if (await db.Clinics.FindAsync(ClinicA) is null)
            {
                db.Clinics.AddRange(new Clinic { Id = ClinicA, Name = "A" }, new Clinic { Id = ClinicB, Name = "B" });
                db.Grids.AddRange(new Grid { Id = GridA, ClinicId = ClinicA, Name = "A1" }, new Grid { Id = GridB, ClinicId = ClinicB, Name = "B1" });
                await db.SaveChangesAsync();
            }
        }

        var accounts = services.GetRequiredService<UserAccounts>();
        User[] users =
        [
            new() { Id = Doctor, DisplayName = "Doctor A", Role = UserRoles.Doctor, ClinicId = ClinicA },
            new() { Id = GridWorker, DisplayName = "Grid worker A1", Role = UserRoles.GridWorker, ClinicId = ClinicA, GridId = GridA },
            new() { Id = ClinicAdmin, DisplayName = "Admin A", Role = UserRoles.ClinicAdmin, ClinicId = ClinicA },
            new() { Id = CountyAdmin, DisplayName = "County", Role = UserRoles.CountyAdmin },
        ];
        foreach (var user in users)
        {
            await accounts.SetAsync(user, Password(user.Id), "test", CancellationToken.None);
        }
    }

    /// <summary>Registers a patient (masked name given as is) in a clinic and grid; clinics other than A/B are created.</summary>
    internal static async Task AddPatientAsync(IServiceProvider services, string patientId, string clinicId, string? gridId, string maskedName = "张*华")
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using var db = database.CreateContext();
        if (await db.Clinics.FindAsync(clinicId) is null)
        {
            db.Clinics.Add(new Clinic { Id = clinicId, Name = clinicId });
        }

        if (await db.Patients.FindAsync(patientId) is null)
        {
            db.Patients.Add(new Patient { Id = patientId, ClinicId = clinicId, GridId = gridId, MaskedName = maskedName, BirthDate = new DateOnly(1950, 1, 1) });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Signs <paramref name="http"/> (which must keep cookies) in through the form, as the sign-in page does.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string userId, string? password = null)
    {
        var token = await AntiforgeryAsync(http);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = userId,
            ["password"] = password ?? Password(userId),
            ["returnUrl"] = "/",
            [token.FormField] = token.Value,
        });
        var response = await http.PostAsync(new Uri("/account/signin", UriKind.Relative), form);
        return response;
    }

    public static async Task<(string Value, string FormField, string Header)> AntiforgeryAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/account/antiforgery", UriKind.Relative)));
        var root = json.RootElement;
        return (root.GetProperty("token").GetString()!, root.GetProperty("formFieldName").GetString()!, root.GetProperty("headerName").GetString()!);
    }

    /// <summary>Whether a sign-in POST succeeded: it redirects to the return address, not back to the sign-in page.</summary>
    public static bool SignedIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/signin.html", StringComparison.Ordinal) == false;
}
