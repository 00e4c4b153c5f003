using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>
/// The whole gateway at its disk budget (DESIGN.md §5): a simulated station fills a tiny outbox while readings cannot
/// be delivered; it refuses (counted, alarm in status and log) and keeps all it has; once delivered, it recovers.
/// </summary>
public sealed class OutboxBudgetGatewayTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly string ReadingsTopic = Topics.Readings(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private static readonly string StatusTopic = Topics.Status(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessMqttBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task BrokerDown_TinyBudgetFills_RefusesWithAlarmThenDeliversEveryCommittedReadingAndRecovers()
    {
        await _broker.StopAsync();
        await using var gateway = GatewayUnderTest.Create(_broker.Url, FastStation());
        var budget = gateway.Host.Services.GetRequiredService<OutboxBudget>();
        var status = gateway.Host.Services.GetRequiredService<GatewayStatusFactory>();
        await gateway.StartAsync();

        await WaitAsync(gateway, () => gateway.Counters.RefusedCount >= 20, () => $"refused {gateway.Counters.RefusedCount}");
        var stored = gateway.Outbox.Peek(100_000, new HashSet<string>()).Select(e => e.ReadingId).ToHashSet();
        Assert.True(stored.Count >= 20, $"{stored.Count} readings stored");
        Assert.Equal(stored.Count, gateway.Counters.CommittedCount);
        var offline = status.Create(GatewayStates.Online);
        Assert.Matches("^outbox full: [0-9]+ bytes of budget 65536; refusing new readings$", offline.LastError);
        Assert.All(offline.Devices, d => Assert.Equal(budget.Alarm, d.LastError));
        Assert.Contains(gateway.Logs, l => l.Contains("Outbox full", StringComparison.Ordinal));
        Assert.Equal(1, gateway.Logs.Count(l => l.Contains("Outbox full", StringComparison.Ordinal)));

        // A full outbox has no room for the refused frame's bytes either: counted, not kept.
        Assert.True(gateway.Counters.RejectedNotKeptCount > 0);
        Assert.DoesNotContain(gateway.RejectedFrames.Recent(1000), f => f.Reason != "outbox full");

        await _broker.RestartAsync();
        await using var readings = await _broker.SubscribeAsync(ReadingsTopic);
        await readings.WaitForAsync(m => stored.IsSubsetOf(WireReadings.From(m, ReadingsTopic).Select(r => r.ReadingId)), Timeout);
        await WaitAsync(gateway, () => budget.Alarm is null, () => $"alarm '{budget.Alarm}'");
        var committedAtRecovery = gateway.Counters.CommittedCount;
        await WaitAsync(gateway, () => gateway.Counters.CommittedCount >= committedAtRecovery + 5, () => $"committed {gateway.Counters.CommittedCount}");
        await gateway.StopAsync();

        // lost = 0 among committed: each committed reading was received or is still in the outbox.
        var received = WireReadings.From(readings.Messages, ReadingsTopic).Select(r => r.ReadingId).ToHashSet();
        var waiting = gateway.Outbox.Peek(100_000, new HashSet<string>()).Select(e => e.ReadingId);
        Assert.Equal(gateway.Counters.CommittedCount, received.Union(waiting).Count());
        Assert.Contains(gateway.Logs, l => l.Contains("Outbox has room again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadingsRefusedByBroker_BudgetReached_RetainedStatusCarriesTheAlarmUntilDelivered()
    {
        var refusing = true;
        _broker.Server.InterceptingPublishAsync += e =>
        {
            if (refusing && e.ApplicationMessage.Topic == ReadingsTopic)
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MQTTnet.Protocol.MqttPubAckReasonCode.QuotaExceeded;
            }

            return Task.CompletedTask;
        };
        await using var statuses = await _broker.SubscribeAsync(StatusTopic);
        await using var readings = await _broker.SubscribeAsync(ReadingsTopic);
        await using var gateway = GatewayUnderTest.Create(_broker.Url, FastStation());
        await gateway.StartAsync();

        await statuses.WaitForAsync(m => m.Any(s => WireReadings.Status(s).LastError?.StartsWith("outbox full: ", StringComparison.Ordinal) == true), Timeout);
        var retained = WireReadings.Status((await _broker.GetRetainedAsync(StatusTopic))!);
        Assert.StartsWith("outbox full: ", retained.LastError, StringComparison.Ordinal);
        Assert.All(retained.Devices, d => Assert.Equal(retained.LastError, d.LastError));
        Assert.True(retained.Backlog > 0);

        refusing = false;
        await statuses.WaitForAsync(m => m.Count > 0 && WireReadings.Status(m[^1]).LastError is null, Timeout);
        Assert.All(WireReadings.Status(statuses.Messages[^1]).Devices, d => Assert.Null(d.LastError));
    }

    private static Dictionary<string, string?> FastStation() => new()
    {
        ["Edge:OutboxBudgetBytes"] = "65536",
        ["Edge:Stations:0:Name"] = "sim-1",
        ["Edge:Stations:0:Link"] = "simulated",
        ["Edge:Stations:0:SimulatedIntervalSeconds"] = "0.005",
        ["Edge:Stations:0:SimulatedSeed"] = "7",
    };

    private static Task WaitAsync(GatewayUnderTest gateway, Func<bool> condition, Func<string> describe) =>
        Eventually.WaitAsync(condition, h => gateway.Counters.Changed += h, h => gateway.Counters.Changed -= h, Timeout, describe);
}
