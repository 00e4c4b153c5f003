using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>A dashboard (TestServer) whose clock stands at <see cref="Samples.Morning"/> (09:30 in Asia/Shanghai).</summary>
public sealed class FixedClockDashboardFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public InProcessMqttBroker Broker { get; private set; } = null!;

    public DashboardFactory Dashboard { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(Samples.Morning);

    public async Task InitializeAsync()
    {
        Broker = await InProcessMqttBroker.StartAsync();
        Dashboard = DashboardFactory.ForBroker(
            Broker.Url,
            _data.Path,
            new Dictionary<string, string?> { ["Dashboard:TimeZone"] = "Asia/Shanghai", ["Dashboard:DefaultClinicId"] = "clinic-fixed" },
            services => services.AddSingleton<TimeProvider>(Clock));
        Dashboard.StartServer();
        await Dashboard.EnsureAccountsAsync();
        foreach (var patient in new[] { "p-hist", "p-any", "p-1" })
        {
            await TestAccounts.AddPatientAsync(Dashboard.Services, patient, "clinic-fixed", null);
        }
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}
