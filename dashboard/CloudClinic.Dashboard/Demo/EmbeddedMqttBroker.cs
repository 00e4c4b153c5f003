using System.Net;
using MQTTnet.Server;

namespace CloudClinic.Dashboard.Demo;

/// <summary>
/// The demo's MQTTnet broker on 127.0.0.1. Registered before every MQTT client of the process so it is listening
/// by the time they connect (they retry anyway).
/// </summary>
internal sealed partial class EmbeddedMqttBroker(int port, ILogger<EmbeddedMqttBroker> logger) : IHostedService, IDisposable
{
    // MQTTnet drops the OLDEST queued message per client past this many (default 1000, PLATFORM-NOTES.md);
    // a gateway replaying its backlog to a slow subscriber must not lose readings.
    private const int MaxPendingMessagesPerClient = 1_000_000;

    private MqttServer? _server;

    public int Port => port;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ClientConnectedAsync += e =>
        {
            LogClientConnected(logger, e.ClientId);
            return Task.CompletedTask;
        };
        await _server.StartAsync();
        LogStarted(logger, port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public void Dispose() => _server?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo MQTT broker listening on mqtt://127.0.0.1:{Port}")]
    private static partial void LogStarted(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo broker: client {ClientId} connected")]
    private static partial void LogClientConnected(ILogger logger, string clientId);
}
