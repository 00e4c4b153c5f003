using System.Net;
using CloudClinic.Testing;
using MQTTnet.Server;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// An MQTTnet broker in-process on a free loopback port that counts the PUBACKs a given client sends — how the
/// tests see what the ingest acknowledged, and when.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly string _ackingClientId;
    private int _acks;

    private TestBroker(MqttServer server, int port, string ackingClientId)
    {
        _server = server;
        Port = port;
        _ackingClientId = ackingClientId;
        _server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            if (e.ClientId == _ackingClientId)
            {
                OnAck();
            }

            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public string Url => $"mqtt://127.0.0.1:{Port}";

    /// <summary>PUBACKs the watched client has sent so far.</summary>
    public int Acks => Volatile.Read(ref _acks);

    public static async Task<TestBroker> StartAsync(string ackingClientId)
    {
        var port = FreeTcpPort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new TestBroker(server, port, ackingClientId);
    }

    public Task WaitForAcksAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_acks >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitOrExplainAsync(timeout, () => $"{Acks} of {count} PUBACKs from {_ackingClientId} within {timeout}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private void OnAck()
    {
        lock (_gate)
        {
            _acks++;
            foreach (var waiter in _waiters.Where(w => _acks >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
