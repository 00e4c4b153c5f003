using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>
/// The real gateway's heartbeats (what the systemd watchdog asks): an idle connected uplink keeps beating; a commit
/// stuck inside the outbox database (a dying SD card) is reported as a stall, and the stall clears once it returns.
/// </summary>
public sealed class LoopHeartbeatsGatewayTests : IAsyncLifetime
{
    // The smallest Edge:Watchdog:StallSeconds allowed (1-3600). It was 0.6, accepted only because reflection [Range(1, 3600)]
    // converted the double to int (0.6 -> 1); the source-generated NumberRange compares the value itself.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(1);
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessMqttBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task FindStall_IdleUplinkThenHungOutboxCommit_HealthyThenNamesTheOperation()
    {
        await using var gateway = GatewayUnderTest.Create(_broker.Url, new Dictionary<string, string?>
        {
            ["Edge:Watchdog:StallSeconds"] = StallLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var heartbeats = gateway.Host.Services.GetRequiredService<LoopHeartbeats>();
        var database = gateway.Host.Services.GetRequiredService<OutboxDatabase>();
        await gateway.StartAsync();

        // Three stall limits of an idle connection (nothing to send): the uplink still beats.
        await Task.Delay(StallLimit * 3);
        Assert.Null(heartbeats.FindStall());

        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var hung = Task.Run(() => database.Use(_ =>
        {
            entered.SetResult();
            release.Task.Wait();
            return 0;
        }));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(StallLimit * 2);
        Assert.StartsWith(OutboxDatabase.OperationName + " has been running for ", heartbeats.FindStall(), StringComparison.Ordinal);

        // Once the commit returns the uplink (blocked on the same database) beats again within a beat.
        release.SetResult();
        await hung.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(StallLimit);
        Assert.Null(heartbeats.FindStall());
        await gateway.StopAsync();
    }
}
