using System.Net.Sockets;
using System.Text;
using CloudClinic.Edge.Gateway.Status;
using CloudClinic.Edge.Watchdog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// A hung loop (alive, not failed) stops the systemd watchdog pings: the real pinger and health check against a unix
/// datagram socket standing in for <c>NOTIFY_SOCKET</c>, time from a FakeTimeProvider.
/// </summary>
public sealed class WatchdogHangTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"cc-hang-{Guid.NewGuid():N}.sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly FakeTimeProvider _time = new();
    private readonly LoopHeartbeats _heartbeats;
    private readonly ServiceProvider _provider;

    public WatchdogHangTests()
    {
        _systemd.Bind(new UnixDomainSocketEndPoint(_socketPath));
        _heartbeats = new LoopHeartbeats(StallLimit, _time);
        var running = new TaskCompletionSource();
        _provider = new ServiceCollection()
            .AddSingleton(_heartbeats)
            .AddSingleton<IHostedService>(new Loop(running.Task))
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _systemd.Dispose();
        File.Delete(_socketPath);
    }

    [Fact]
    public void FindProblem_LoopSilentPastTheLimit_NamesTheLoopUntilItBeatsAgain()
    {
        var health = new BackgroundServiceHealth(_provider);
        _heartbeats.Beat("uplink");
        _time.Advance(StallLimit);
        Assert.Null(health.FindProblem());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("uplink loop made no progress for 31 s (limit 30 s, Edge:Watchdog:StallSeconds)", health.FindProblem());

        _heartbeats.Beat("uplink");
        Assert.Null(health.FindProblem());
    }

    [Fact]
    public void FindProblem_OperationOverruns_NamesItUntilItEnds()
    {
        var health = new BackgroundServiceHealth(_provider);
        var commit = _heartbeats.Operation("an outbox database operation");
        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal("an outbox database operation has been running for 45 s (limit 30 s, Edge:Watchdog:StallSeconds)", health.FindProblem());

        commit.Dispose();
        Assert.Null(health.FindProblem());
    }

    [Fact]
    public async Task ExecuteAsync_LoopHangs_StopsPingingAndResumesWhenItBeatsAgain()
    {
        var health = new ObservedHealth(new BackgroundServiceHealth(_provider));
        var settings = SystemdWatchdogSettings.FromEnvironment(
            name => name switch { "NOTIFY_SOCKET" => _socketPath, "WATCHDOG_USEC" => "20000000", _ => null },
            Environment.ProcessId);
        using var service = new SystemdWatchdogService(settings, health, _time, NullLogger<SystemdWatchdogService>.Instance);
        _heartbeats.Beat("uplink");

        await service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());

        // The loop stops beating: pings go on up to the limit (10, 20, 30 s), then stop, tick after tick (40, 50 s).
        for (var tick = 1; tick <= 3; tick++)
        {
            await health.NextCheck(() => _time.Advance(TimeSpan.FromSeconds(10)));
            Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        }

        await health.NextCheck(() => _time.Advance(TimeSpan.FromSeconds(10)));
        await health.NextCheck(() => _time.Advance(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, _systemd.Available);

        _heartbeats.Beat("uplink");
        await health.NextCheck(() => _time.Advance(TimeSpan.FromSeconds(10)));
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        // Only the one ping: none was queued while the loop was hung.
        Assert.Equal(0, _systemd.Available);
        await service.StopAsync(CancellationToken.None);
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[256];
        var length = await _systemd.ReceiveAsync(buffer).WaitAsync(Timeout);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private sealed class Loop(Task body) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => body;
    }

    /// <summary>The real health check; each check completes the awaited <see cref="NextCheck"/>.</summary>
    private sealed class ObservedHealth(IGatewayHealth inner) : IGatewayHealth
    {
        private TaskCompletionSource _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? FindProblem()
        {
            var problem = inner.FindProblem();
            _checked.TrySetResult();
            return problem;
        }

        public Task NextCheck(Action trigger)
        {
            var signal = _checked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            trigger();
            return signal.Task.WaitAsync(Timeout);
        }
    }
}
