using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CloudClinic.Testing;

/// <summary>
/// A real MQTTnet 5 broker on 127.0.0.1 and a free port, in the test process. <see cref="Published"/> logs every
/// publish the broker accepted (including wills), from start to dispose and across restarts, so no test races a
/// subscriber. <see cref="StopAsync"/>/<see cref="RestartAsync"/> take it down and bring it back on the same port
/// (sessions and retained messages live in RAM and are lost, as with a restarted broker without persistence).
/// </summary>
public sealed class InProcessMqttBroker : IAsyncDisposable
{
    /// <summary>MQTTnet's default of 1000 drops the oldest queued message (PLATFORM-NOTES): far above any test's volume.</summary>
    public const int MaxPendingMessagesPerClient = 1_000_000;

    private readonly MqttServerFactory _factory = new();
    private readonly X509Certificate2? _tlsCertificate;
    private MqttServer? _server;

    private InProcessMqttBroker(int port, X509Certificate2? tlsCertificate) => (Port, _tlsCertificate) = (port, tlsCertificate);

    public int Port { get; }

    /// <summary><c>mqtt://127.0.0.1:{port}</c> (or <c>mqtts://</c> with TLS), the form of the <c>Mqtt:Url</c> setting.</summary>
    public string Url => $"{(_tlsCertificate is null ? "mqtt" : "mqtts")}://127.0.0.1:{Port}";

    public bool IsRunning => _server is { IsStarted: true };

    /// <summary>Every application message published to the broker (by clients or as a will), in order.</summary>
    public MqttMessageCollector Published { get; } = new();

    /// <summary>The running server, for hooks a test needs beyond these helpers.</summary>
    public MqttServer Server => _server ?? throw new InvalidOperationException("the broker is stopped");

    /// <summary>Raised (on the broker's thread) when a client connects; argument = client id.</summary>
    public event Action<string>? ClientConnected;

    /// <summary>Raised when a client's connection ends; arguments = client id and how (clean or not).</summary>
    public event Action<string, MqttClientDisconnectType>? ClientDisconnected;

    /// <param name="port">Null: a free port.</param>
    /// <param name="tlsCertificate">
    /// With a server certificate (including its private key) the broker listens with TLS only (mqtts); its subject
    /// alternative names must cover 127.0.0.1.
    /// </param>
    public static async Task<InProcessMqttBroker> StartAsync(int? port = null, X509Certificate2? tlsCertificate = null)
    {
        var broker = new InProcessMqttBroker(port ?? FreeTcpPort.Next(), tlsCertificate);
        await broker.StartServerAsync();
        return broker;
    }

    /// <summary>
    /// Brings the broker back on the same <see cref="Port"/>: after <see cref="StopAsync"/> it starts it, while running
    /// it stops and starts it (sessions and retained messages are lost, as with a broker without persistence).
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartServerAsync();
    }

    /// <summary>Stops the broker: every client connection drops, the port closes.</summary>
    public async Task StopAsync()
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        server.Dispose();
    }

    /// <summary>
    /// Connects a real MQTT 5 client, subscribes at QoS 1 and collects what it receives (retained messages first).
    /// </summary>
    public async Task<MqttMessageCollector> SubscribeAsync(string topicFilter, string? clientId = null, CancellationToken cancellationToken = default)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var collector = new MqttMessageCollector(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            collector.Add(e.ApplicationMessage, e.ClientId);
            return Task.CompletedTask;
        };
        try
        {
            var builder = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", Port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(clientId ?? $"test-subscriber-{Guid.NewGuid():N}");
            if (_tlsCertificate is not null)
            {
                // The test's own subscriber trusts exactly the broker's certificate.
                var expected = _tlsCertificate.GetCertHashString();
                builder.WithTlsOptions(tls => tls.UseTls().WithCertificateValidationHandler(c => c.Certificate?.GetCertHashString() == expected));
            }

            var options = builder.Build();
            await client.ConnectAsync(options, cancellationToken);
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellationToken);
            return collector;
        }
        catch
        {
            await collector.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes as the broker itself (QoS 1), e.g. a command to a gateway.</summary>
    public Task PublishAsync(string topic, string payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "test-broker" });
    }

    /// <summary>The retained message on <paramref name="topic"/>, or null.</summary>
    public async Task<CollectedMqttMessage?> GetRetainedAsync(string topic)
    {
        var message = await Server.GetRetainedMessageAsync(topic);
        return message is null
            ? null
            : new CollectedMqttMessage(message.Topic, message.Payload.ToArray(), message.Retain, message.QualityOfServiceLevel, null);
    }

    private async Task StartServerAsync()
    {
        var builder = new MqttServerOptionsBuilder()
            .WithMaxPendingMessagesPerClient(MaxPendingMessagesPerClient)
            .WithPersistentSessions(true);
        if (_tlsCertificate is null)
        {
            builder.WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(Port)
                .WithDefaultEndpointReuseAddress();
        }
        else
        {
            builder.WithoutDefaultEndpoint()
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
                .WithEncryptedEndpointPort(Port)
                .WithTlsEndpointReuseAddress()
                .WithEncryptionCertificate(_tlsCertificate);
        }

        var options = builder.Build();
        var server = _factory.CreateMqttServer(options);
        server.InterceptingPublishAsync += e =>
        {
            Published.Add(e.ApplicationMessage, e.ClientId);
            return Task.CompletedTask;
        };
        server.ClientConnectedAsync += e =>
        {
            ClientConnected?.Invoke(e.ClientId);
            return Task.CompletedTask;
        };
        server.ClientDisconnectedAsync += e =>
        {
            ClientDisconnected?.Invoke(e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        _server = server;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Published.DisposeAsync();
    }
}
