using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// One broker and one dashboard (real registry and reading store in SQLite) whose log lines are kept, with the
/// <see cref="TestAccounts"/> seeded; for the API-key and integration API tests.
/// </summary>
public sealed class ApiKeyDashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public InProcessMqttBroker Broker { get; private set; } = null!;

    public DashboardFactory Dashboard { get; private set; } = null!;

    public LogLines Logs { get; } = new();

    public string DataDirectory => _data.Path;

    public async Task InitializeAsync()
    {
        Broker = await InProcessMqttBroker.StartAsync();
        Dashboard = DashboardFactory.ForBroker(Broker.Url, _data.Path, services: s => s.AddSingleton<ILoggerProvider>(Logs));
        await Dashboard.EnsureAccountsAsync();
    }

    /// <summary>A new key made the way the admin endpoints and the CLI make it; returns the key itself.</summary>
    internal async Task<CreatedApiKey> NewKeyAsync(ApiKeyScope scope, string name = "test integration") =>
        await Dashboard.GetRequiredService<ApiKeyStore>().CreateAsync(name, scope, "test", CancellationToken.None);

    /// <summary>An HTTP client that sends <paramref name="key"/> in the <c>X-Api-Key</c> header and keeps no cookies.</summary>
    public HttpClient KeyClient(string key)
    {
        var http = Dashboard.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
        return http;
    }

    /// <summary>Registers a patient with conditions (in clinic A or B of <see cref="TestAccounts"/>).</summary>
    public async Task AddPatientAsync(string patientId, string clinicId, string? gridId, params string[] conditions)
    {
        await TestAccounts.AddPatientAsync(Dashboard.Services, patientId, clinicId, gridId);
        await using var db = Dashboard.GetRequiredService<RegistryDatabase>().CreateContext();
        foreach (var condition in conditions)
        {
            if (await db.PatientConditions.FindAsync(patientId, condition) is null)
            {
                db.PatientConditions.Add(new PatientCondition { PatientId = patientId, Condition = condition });
            }
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}
