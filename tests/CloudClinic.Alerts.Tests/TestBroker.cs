using System.Net;
using CloudClinic.Testing;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CloudClinic.Alerts.Tests;

/// <summary>An MQTTnet broker in-process on a free loopback port; can refuse publishes like an ACL would.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private TestBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
        _server.InterceptingPublishAsync += e =>
        {
            if (RefusePublishes && e.ClientId.StartsWith("cloudclinic-alerts", StringComparison.Ordinal))
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public string Url => $"mqtt://127.0.0.1:{Port}";

    public bool RefusePublishes { get; set; }

    public static Task<TestBroker> StartAsync() => StartOnAsync(FreeTcpPort.Next());

    public static async Task<TestBroker> StartOnAsync(int port)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new TestBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
