using System.Net.Sockets;
using System.Text;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// The built gateway host, started as systemd starts it with <c>WatchdogSec=1</c>: a real unix datagram socket stands
/// in for <c>NOTIFY_SOCKET</c> and must receive <c>WATCHDOG=1</c> repeatedly.
/// </summary>
public sealed class WatchdogProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cloudclinic-watchdog-tests-{Guid.NewGuid():N}");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public WatchdogProcessTests()
    {
        Directory.CreateDirectory(_folder);
        _systemd.Bind(new UnixDomainSocketEndPoint(Path.Combine(_folder, "notify.sock")));
    }

    public void Dispose()
    {
        _systemd.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Host_WatchdogUsecSet_PingsTheNotifySocketRepeatedly()
    {
        await using var host = ChildProcess.Start("dotnet", [EdgeHost.DllPath], new Dictionary<string, string?>
        {
            ["NOTIFY_SOCKET"] = Path.Combine(_folder, "notify.sock"),
            ["WATCHDOG_USEC"] = "1000000",
            ["DOTNET_ENVIRONMENT"] = null,
            // No broker listens there: the uplink keeps retrying, which is a healthy loop.
            ["Mqtt__Url"] = $"mqtt://127.0.0.1:{FreeTcpPort.Next()}",
            ["Edge__OutboxPath"] = Path.Combine(_folder, "outbox.db"),
        }, _folder);

        var pings = 0;
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(Timeout);
        while (pings < 3)
        {
            var length = await _systemd.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            // AddSystemd may also send READY=1 / STATUS=...; only the pings count here.
            if (Encoding.UTF8.GetString(buffer, 0, length) == "WATCHDOG=1")
            {
                pings++;
            }
        }

        Assert.False(host.HasExited, host.Output);
        Assert.Contains("systemd watchdog: pinging every 0.5 s", host.Output, StringComparison.Ordinal);
        await host.StopAsync(TimeSpan.FromSeconds(10));
    }
}
