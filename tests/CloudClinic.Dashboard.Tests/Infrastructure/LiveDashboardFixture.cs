using CloudClinic.Contracts;
using CloudClinic.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// One broker, one dashboard and one connected hub client shared by a test class; each test uses its own clinic
/// id so tests never see each other's messages.
/// </summary>
public sealed class LiveDashboardFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _data = new();

    public InProcessMqttBroker Broker { get; private set; } = null!;

    public DashboardFactory Dashboard { get; private set; } = null!;

    public HubConnection Hub { get; private set; } = null!;

    public HubInbox Inbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await InProcessMqttBroker.StartAsync();
        Dashboard = DashboardFactory.ForBroker(Broker.Url, _data.Path);
        Dashboard.StartServer();
        Hub = await Dashboard.ConnectHubAsync();
        Inbox = new HubInbox(Hub);

        await RelayProbe.WaitUntilRelayingAsync(Broker, Inbox, "gw-probe", Timeout);

        // One message end to end, so the relay has finished its connect (health reports it) before any test runs.
        var warmUp = Samples.BloodPressure("warm-up", "gw-0", "rd-warm-up", 120, 80, Samples.Morning);
        await Broker.PublishAsync(Topics.Readings("warm-up", "gw-0"), ReadingPayload.Serialize(warmUp));
        await Inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == warmUp.ReadingId, Timeout);
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}
