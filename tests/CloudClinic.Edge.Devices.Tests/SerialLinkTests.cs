using System.IO.Ports;
using System.Text;
using CloudClinic.Edge.Devices.Serial;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>Through a real socat pty pair (PLATFORM-NOTES "Serial"), including unplug (kill socat) and replug.</summary>
public sealed class SerialLinkTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private SocatPtyPair _pty = null!;

    public async Task InitializeAsync() => _pty = await SocatPtyPair.StartAsync();

    public async Task DisposeAsync() => await _pty.DisposeAsync();

    [Fact]
    public async Task RunAsync_BytesWrittenOnTheOtherEnd_ReachTheListener()
    {
        var listener = new RecordingLinkListener();
        using var stop = new CancellationTokenSource();
        var link = new SerialLink(Options(), TimeProvider.System);
        var running = link.RunAsync(listener, stop.Token);
        await listener.WaitForAsync(l => l.Count("connected") == 1, Timeout);

        using (var meter = OpenMeterSide())
        {
            meter.Write("$CCBP,hello*00\r\n");
            await listener.WaitForAsync(l => l.Received.Contains("hello*00\r\n", StringComparison.Ordinal), Timeout);
        }

        await stop.CancelAsync();
        await running.WaitAsync(Timeout);
        Assert.Equal("disconnected: link stopped", listener.Events[^1]);
    }

    [Fact]
    public async Task RunAsync_UnplugThenReplug_ReconnectsAndReadsAgain()
    {
        var listener = new RecordingLinkListener();
        using var stop = new CancellationTokenSource();
        var link = new SerialLink(Options(), TimeProvider.System);
        var running = link.RunAsync(listener, stop.Token);
        await listener.WaitForAsync(l => l.Count("connected") == 1, Timeout);
        using (var meter = OpenMeterSide())
        {
            meter.Write("before\n");
            await listener.WaitForAsync(l => l.Received.Contains("before\n", StringComparison.Ordinal), Timeout);
        }

        await _pty.UnplugAsync();
        await listener.WaitForAsync(l => l.Count("disconnected") == 1, Timeout);
        // While unplugged the path dangles: reopening fails and is retried with back-off.
        await listener.WaitForAsync(l => l.Count("connect failed") >= 1, Timeout);

        await _pty.ReplugAsync();
        await listener.WaitForAsync(l => l.Count("connected") == 2, Timeout);
        using (var meter = OpenMeterSide())
        {
            meter.Write("after\n");
            await listener.WaitForAsync(l => l.Received.Contains("after\n", StringComparison.Ordinal), Timeout);
        }

        await stop.CancelAsync();
        await running.WaitAsync(Timeout);
        Assert.StartsWith("disconnected: read failed", listener.Events.First(e => e.StartsWith("disconnected", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PortMissingAtStart_ReportsAndRetriesUntilStopped()
    {
        var listener = new RecordingLinkListener();
        using var stop = new CancellationTokenSource();
        var link = new SerialLink(Options() with { PortPath = _pty.PortA + "-missing" }, TimeProvider.System);
        var running = link.RunAsync(listener, stop.Token);

        await listener.WaitForAsync(l => l.Count("connect failed") >= 2, Timeout);
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        Assert.Equal(0, listener.Count("connected"));
    }

    [Fact]
    public async Task RunAsync_DtrOnAPty_FailsToOpenWithTheReason()
    {
        // DTR/RTS ioctls are not supported by a pty (PLATFORM-NOTES): the setting must be optional.
        var listener = new RecordingLinkListener();
        using var stop = new CancellationTokenSource();
        var link = new SerialLink(Options() with { Dtr = true }, TimeProvider.System);
        var running = link.RunAsync(listener, stop.Token);

        await listener.WaitForAsync(l => l.Count("connect failed") >= 1, Timeout);
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        Assert.Equal(0, listener.Count("connected"));
        Assert.Contains("Inappropriate ioctl", listener.Events[0], StringComparison.Ordinal);
    }

    private SerialLinkOptions Options() => new()
    {
        PortPath = _pty.PortA,
        ReopenDelayMin = TimeSpan.FromMilliseconds(50),
        ReopenDelayMax = TimeSpan.FromMilliseconds(200),
    };

    private SerialPort OpenMeterSide()
    {
        var port = new SerialPort(_pty.PortB, 9600) { Encoding = Encoding.ASCII };
        port.Open();
        return port;
    }
}
