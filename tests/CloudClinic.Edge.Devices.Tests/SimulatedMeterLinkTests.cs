using System.Text;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Devices.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Devices.Tests;

public class SimulatedMeterLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RunAsync_EachInterval_DeliversOneValidFrameWithTheNextRecordNumber()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 15, 0, 250, TimeSpan.Zero));
        var listener = new RecordingLinkListener();
        using var stop = new CancellationTokenSource();
        var link = new SimulatedMeterLink(new SimulatedMeterOptions { MeterSerial = "SIM-A", Interval = TimeSpan.FromSeconds(5), Seed = 3, Count = 2 }, time);
        var running = link.RunAsync(listener, stop.Token);
        await listener.WaitForAsync(l => l.Count("connected") == 1, Timeout);

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
        }

        await listener.WaitForAsync(l => l.Received.Count(c => c == '\n') == 2, Timeout);
        var frames = new LineProtocolFrameReader().Feed(Encoding.ASCII.GetBytes(listener.Received));
        var records = frames.Select(f => LineProtocolParser.TryParse(f.Bytes.Span, out var r, out _) ? r : null).ToList();

        Assert.Equal([1L, 2L], records.Select(r => r!.RecordNumber));
        Assert.All(records, r => Assert.Equal("SIM-A", r!.MeterSerial));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 15, 5, TimeSpan.Zero), records[0]!.MeasuredAt);
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);
        Assert.Equal("disconnected: link stopped", listener.Events[^1]);
    }
}
