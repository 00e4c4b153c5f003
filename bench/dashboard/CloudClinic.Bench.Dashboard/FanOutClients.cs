using System.Collections.Concurrent;
using System.Diagnostics;
using CloudClinic.Contracts;
using CloudClinic.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Bench.Dashboard;

/// <summary>
/// N browser-like SignalR clients (WebSockets, JSON) in this process. Every push is stamped on arrival with the
/// same monotonic clock the publisher stamps its publish with, so latency = arrival − publish.
/// </summary>
internal sealed class FanOutClients : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private long _received;
    private TaskCompletionSource _allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _expected;

    public int Count => _connections.Count;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<FanOutClients> ConnectAsync(string hubUrl, System.Net.CookieContainer cookies, int count, int parallel)
    {
        var clients = new FanOutClients();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(hubUrl, o =>
                    {
                        o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                        o.Cookies = cookies; // signed in as the clinic's doctor: the hub puts the client in the clinic's group
                    })
                    .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default))
                    .Build();
                connection.On<ReadingMessage, string>("ReadingReceived", (reading, _) => clients.Arrived(reading.ReadingId));
                connection.On<AlertEventMessage>("AlertChanged", alert => clients.Arrived(alert.AlertId));
                await connection.StartSubscribedAsync(TimeSpan.FromSeconds(60));
                lock (clients._connections)
                {
                    clients._connections.Add(connection);
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        return clients;
    }

    /// <summary>Call just before publishing the message whose id is <paramref name="id"/>.</summary>
    public void Publishing(string id) => _published[id] = Stopwatch.GetTimestamp();

    /// <summary>Starts a measured round expecting every client to get <paramref name="messages"/> pushes.</summary>
    public Task ExpectAsync(int messages)
    {
        _latenciesMs.Clear();
        Interlocked.Exchange(ref _received, 0);
        _expected = (long)messages * Count;
        _allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _allReceived.Task;
    }

    public double[] LatenciesMs() => [.. _latenciesMs.Order()];

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private void Arrived(string id)
    {
        var now = Stopwatch.GetTimestamp();
        if (_published.TryGetValue(id, out var sent))
        {
            _latenciesMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        }

        if (Interlocked.Increment(ref _received) == _expected)
        {
            _allReceived.TrySetResult();
        }
    }
}
