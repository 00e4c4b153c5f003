using System.Collections.Concurrent;
using System.Net;
using CloudClinic.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real MQTTnet broker on 127.0.0.1 for unit-level flows. Tests publish through it (as a gateway or the alert
/// engine would) and wait for a client's subscription before publishing, instead of sleeping.
/// </summary>
public sealed class InProcessMqttBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _subscriptions = new(StringComparer.Ordinal);

    private InProcessMqttBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
        _server.ClientSubscribedTopicAsync += e =>
        {
            Subscription(e.TopicFilter.Topic).TrySetResult();
            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public string Url => $"mqtt://127.0.0.1:{Port}";

    /// <summary>Starts on <paramref name="port"/>, or on a free port when none is given.</summary>
    public static async Task<InProcessMqttBroker> StartAsync(int? port = null)
    {
        var chosen = port ?? FreeTcpPort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(chosen)
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        var broker = new InProcessMqttBroker(server, chosen);
        await server.StartAsync();
        return broker;
    }

    /// <summary>Completes once some client subscribed to exactly <paramref name="topicFilter"/> (now or earlier).</summary>
    public Task WaitForSubscriptionAsync(string topicFilter, TimeSpan timeout) =>
        Subscription(topicFilter).Task.WaitAsync(timeout);

    /// <summary>Publishes at QoS 1 as if a client had sent it.</summary>
    public Task PublishAsync(string topic, byte[] payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "test-publisher" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.IsStarted)
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }

        _server.Dispose();
    }

    private TaskCompletionSource Subscription(string topicFilter) =>
        _subscriptions.GetOrAdd(topicFilter, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
