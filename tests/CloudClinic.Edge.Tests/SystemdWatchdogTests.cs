using System.Net.Sockets;
using System.Text;
using CloudClinic.Edge.Watchdog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// The watchdog pinger against a real unix datagram socket standing in for systemd's <c>NOTIFY_SOCKET</c>.
/// </summary>
public sealed class SystemdWatchdogTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"cc-notify-{Guid.NewGuid():N}.sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public SystemdWatchdogTests() => _systemd.Bind(new UnixDomainSocketEndPoint(_socketPath));

    public void Dispose()
    {
        _systemd.Dispose();
        File.Delete(_socketPath);
    }

    [Fact]
    public async Task ExecuteAsync_Healthy_SendsWatchdogEveryHalfInterval()
    {
        var time = new FakeTimeProvider();
        var health = new SwitchableHealth(problem: null);
        using var service = Service(health, time, watchdogUsec: 20_000_000);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        await health.NextCheck(() => time.Advance(TimeSpan.FromSeconds(10)));
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_LoopFailed_SendsNothingUntilHealthyAgain()
    {
        var time = new FakeTimeProvider();
        var health = new SwitchableHealth(problem: "UplinkWorker stopped: boom");
        using var service = Service(health, time, watchdogUsec: 2_000_000);

        var firstCheck = health.NextCheck(() => { });
        await service.StartAsync(CancellationToken.None);
        await firstCheck;
        var secondCheck = health.NextCheck(() => time.Advance(TimeSpan.FromSeconds(1)));
        await secondCheck;

        health.Problem = null;
        await health.NextCheck(() => time.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal("WATCHDOG=1", await ReceiveAsync());
        // Had an unhealthy tick pinged, its datagram would still be queued behind this one.
        Assert.Equal(0, _systemd.Available);
        await service.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(null, "1000000", null, false)]
    [InlineData("/run/systemd/notify", null, null, false)]
    [InlineData("/run/systemd/notify", "0", null, false)]
    [InlineData("/run/systemd/notify", "1000000", "42", false)]
    [InlineData("/run/systemd/notify", "1000000", "7", true)]
    [InlineData("/run/systemd/notify", "1000000", null, true)]
    public void FromEnvironment_Variables_EnabledOnlyForThisProcessWithAnInterval(string? socket, string? usec, string? pid, bool enabled)
    {
        var variables = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socket, ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };

        var settings = SystemdWatchdogSettings.FromEnvironment(name => variables[name], processId: 7);

        Assert.Equal(enabled, settings is not null);
        if (settings is not null)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Interval);
        }
    }

    private SystemdWatchdogService Service(IGatewayHealth health, TimeProvider time, long watchdogUsec)
    {
        var settings = SystemdWatchdogSettings.FromEnvironment(
            name => name switch
            {
                "NOTIFY_SOCKET" => _socketPath,
                "WATCHDOG_USEC" => watchdogUsec.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            },
            Environment.ProcessId);
        return new SystemdWatchdogService(settings, health, time, NullLogger<SystemdWatchdogService>.Instance);
    }

    private async Task<string> ReceiveAsync()
    {
        var buffer = new byte[256];
        var length = await _systemd.ReceiveAsync(buffer).WaitAsync(Timeout);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Health the test switches; each check completes the awaited <see cref="NextCheck"/>.</summary>
    private sealed class SwitchableHealth(string? problem) : IGatewayHealth
    {
        private TaskCompletionSource _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Problem { get; set; } = problem;

        public string? FindProblem()
        {
            var problem = Problem;
            _checked.TrySetResult();
            return problem;
        }

        /// <summary>Runs <paramref name="trigger"/> and completes after the service's next health check.</summary>
        public Task NextCheck(Action trigger)
        {
            var signal = _checked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            trigger();
            return signal.Task.WaitAsync(Timeout);
        }
    }
}
