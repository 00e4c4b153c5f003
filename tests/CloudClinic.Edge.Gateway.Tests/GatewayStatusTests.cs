using CloudClinic.Contracts;
using CloudClinic.Testing;
using MQTTnet.Server;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Retained status, the LWT on an abrupt disconnect, offline on a graceful stop, and commands.</summary>
public sealed class GatewayStatusTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string StatusTopic = Topics.Status(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessMqttBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Connect_PublishesRetainedOnlineStatusWithDevicesAndBacklog()
    {
        await using var gateway = GatewayUnderTest.Create(_broker.Url, ReadingDeliveryTests.SimulatedStation(count: 0));
        await gateway.StartAsync();

        await WaitForStateAsync(GatewayStates.Online);
        var retained = await _broker.GetRetainedAsync(StatusTopic);

        Assert.NotNull(retained);
        Assert.True(retained.Retain);
        var status = WireReadings.Status(retained);
        Assert.Equal(GatewayStates.Online, status.State);
        Assert.False(string.IsNullOrEmpty(status.Version));
        Assert.Equal(0, status.Backlog);
        var device = Assert.Single(status.Devices);
        Assert.Equal("sim-1", device.Station);
        Assert.Equal("cclp1", device.Protocol);
        Assert.Equal(Transports.Serial, device.Transport);
        // A new subscriber learns the state from the retained message alone.
        await using var late = await _broker.SubscribeAsync(StatusTopic);
        var messages = await late.WaitForCountAsync(StatusTopic, 1, Timeout);
        Assert.True(messages[0].Retain);
    }

    [Fact]
    public async Task AbruptDisconnect_BrokerPublishesTheRetainedOfflineWill()
    {
        await using var proxy = new LoopbackTcpProxy(_broker.Port);
        await using var gateway = GatewayUnderTest.Create(proxy.Url);
        await gateway.StartAsync();
        await WaitForStateAsync(GatewayStates.Online);
        var disconnect = new TaskCompletionSource<MqttClientDisconnectType>(TaskCreationOptions.RunContinuationsAsynchronously);
        _broker.ClientDisconnected += (id, type) =>
        {
            if (id == GatewayUnderTest.ClientId)
            {
                disconnect.TrySetResult(type);
            }
        };

        await proxy.SeverAsync();

        Assert.Equal(MqttClientDisconnectType.NotClean, await disconnect.Task.WaitAsync(Timeout));
        await WaitForStateAsync(GatewayStates.Offline);
        var retained = await _broker.GetRetainedAsync(StatusTopic);
        Assert.Equal(GatewayStates.Offline, WireReadings.Status(retained!).State);
    }

    [Fact]
    public async Task GracefulStop_PublishesOfflineStatusThenDisconnectsCleanly()
    {
        var gateway = GatewayUnderTest.Create(_broker.Url);
        await using (gateway)
        {
            await gateway.StartAsync();
            await WaitForStateAsync(GatewayStates.Online);
            var disconnect = new TaskCompletionSource<MqttClientDisconnectType>(TaskCreationOptions.RunContinuationsAsynchronously);
            _broker.ClientDisconnected += (id, type) =>
            {
                if (id == GatewayUnderTest.ClientId)
                {
                    disconnect.TrySetResult(type);
                }
            };

            await gateway.StopAsync();

            Assert.Equal(MqttClientDisconnectType.Clean, await disconnect.Task.WaitAsync(Timeout));
        }

        var published = _broker.Published.Messages.Where(m => m.Topic == StatusTopic).ToList();
        Assert.Equal(GatewayStates.Offline, WireReadings.Status(published[^1]).State);
        Assert.Equal(GatewayUnderTest.ClientId, published[^1].ClientId);
        Assert.Equal(GatewayStates.Offline, WireReadings.Status((await _broker.GetRetainedAsync(StatusTopic))!).State);
    }

    [Fact]
    public async Task Commands_RequestStatusRepublishes_OthersAreLoggedAndIgnored()
    {
        await using var gateway = GatewayUnderTest.Create(_broker.Url);
        await gateway.StartAsync();
        await WaitForStateAsync(GatewayStates.Online);
        var commands = Topics.Commands(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
        var before = StatusCount();

        await _broker.PublishAsync(commands, "{not json");
        await _broker.PublishAsync(commands, """{"command":"reboot","patientId":"p-1","station":"bp-1"}""");
        await _broker.PublishAsync(commands, """{"command":"request-status"}""");

        await _broker.Published.WaitForAsync(_ => StatusCount() > before, Timeout);
        Assert.Contains(gateway.Logs, l => l.Contains("Ignoring malformed command", StringComparison.Ordinal));
        Assert.Contains(gateway.Logs, l => l.Contains("Command 'reboot' is not supported", StringComparison.Ordinal));
        Assert.Contains(gateway.Logs, l => l.Contains("request-status", StringComparison.Ordinal));
    }

    private int StatusCount() => _broker.Published.Messages.Count(m => m.Topic == StatusTopic && m.ClientId == GatewayUnderTest.ClientId);

    private Task WaitForStateAsync(string state) =>
        _broker.Published.WaitForAsync(
            messages => messages.Any(m => m.Topic == StatusTopic && WireReadings.Status(m).State == state),
            Timeout);
}
