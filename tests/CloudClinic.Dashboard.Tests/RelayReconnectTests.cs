using CloudClinic.Contracts;
using CloudClinic.Dashboard.Relay;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Testing;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The relay's own reconnect loop: a broker that starts late or restarts is picked up without a restart.</summary>
public sealed class RelayReconnectTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ExecuteAsync_BrokerStartsLateThenRestarts_RelayResubscribesAndRelays()
    {
        using var data = new TempDirectory();
        var port = FreeTcpPort.Next();
        await using var dashboard = DashboardFactory.ForBroker($"mqtt://127.0.0.1:{port}", data.Path);
        dashboard.StartServer();
        await using var hub = await dashboard.ConnectHubAsync();
        var inbox = new HubInbox(hub);
        var state = dashboard.GetRequiredService<RelayState>();
        Assert.False(state.IsConnected);

        await using var broker = await InProcessMqttBroker.StartAsync(port);
        await RelayProbe.WaitUntilRelayingAsync(broker, inbox, "gw-first-start", Timeout);
        await broker.PublishAsync(Topics.Readings("clinic-r", "gw-1"), ReadingPayload.Serialize(Samples.BloodPressure("clinic-r", "gw-1", "before-restart", 120, 80, Samples.Morning)));
        await inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == "before-restart", Timeout);

        // The relay marks itself connected once its SUBACK is handled; messages can arrive a moment before that.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (!state.IsConnected && waiting.Elapsed < Timeout)
        {
            await Task.Delay(10);
        }

        Assert.True(state.IsConnected);

        // A restarted broker knows no sessions: the relay must connect again and subscribe again by itself.
        await broker.RestartAsync();
        await RelayProbe.WaitUntilRelayingAsync(broker, inbox, "gw-after-restart", Timeout);
        await broker.PublishAsync(Topics.Readings("clinic-r", "gw-1"), ReadingPayload.Serialize(Samples.BloodPressure("clinic-r", "gw-1", "after-restart", 121, 81, Samples.Morning)));

        await inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == "after-restart", Timeout);
    }
}
