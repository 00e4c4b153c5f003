using System.Net.Http.Json;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>
/// A dashboard (TestServer) on an in-process broker with the test accounts; each test gets a clinic of its own with
/// a grid and a clinic admin (<see cref="NewClinicAsync"/>), so tests never see each other's patients.
/// </summary>
public sealed class AdminDashboardFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _data = new();

    public InProcessMqttBroker Broker { get; private set; } = null!;

    public DashboardFactory Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await InProcessMqttBroker.StartAsync();
        Dashboard = DashboardFactory.ForBroker(Broker.Url, _data.Path);
        Dashboard.StartServer();
        await Dashboard.EnsureAccountsAsync();
    }

    /// <summary>A clinic <paramref name="clinicId"/> with grid "{clinicId}-g1" named 一网格, doctor "{clinicId}-dr" and admin "{clinicId}-admin".</summary>
    public async Task<HttpClient> NewClinicAsync(string clinicId)
    {
        var database = Dashboard.GetRequiredService<RegistryDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            db.Clinics.Add(new Clinic { Id = clinicId, Name = clinicId });
            db.Grids.Add(new Grid { Id = clinicId + "-g1", ClinicId = clinicId, Name = "一网格" });
            await db.SaveChangesAsync();
        }

        var accounts = Dashboard.GetRequiredService<UserAccounts>();
        await accounts.SetAsync(new User { Id = clinicId + "-dr", DisplayName = "Dr", Role = UserRoles.Doctor, ClinicId = clinicId }, TestAccounts.Password(clinicId + "-dr"), "test", default);
        await accounts.SetAsync(new User { Id = clinicId + "-admin", DisplayName = "Admin", Role = UserRoles.ClinicAdmin, ClinicId = clinicId }, TestAccounts.Password(clinicId + "-admin"), "test", default);
        return await Dashboard.SignedInClientAsync(clinicId + "-admin");
    }

    /// <summary>Sends <paramref name="body"/> (JSON unless it is already content) with the anti-forgery header.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, object? body = null)
    {
        var token = await TestAccounts.AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = body as HttpContent ?? (body is null ? null : JsonContent.Create(body)),
        };
        request.Headers.Add(token.Header, token.Value);
        return await http.SendAsync(request);
    }

    public T Service<T>()
        where T : notnull => Dashboard.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}
