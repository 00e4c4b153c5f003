using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>The meter simulator's command line (edge/README.md) against the real gateway over a socat pty pair.</summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly string ReadingsTopic = Topics.Readings(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private SocatPtyPair _pty = null!;
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _pty = await SocatPtyPair.StartAsync();
        _broker = await InProcessMqttBroker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _pty.DisposeAsync();
    }

    [Fact]
    public async Task Readings_ScriptedFrames_AreSentPrintedAndDelivered()
    {
        await using var subscriber = await _broker.SubscribeAsync(ReadingsTopic);
        await using var gateway = await StartGatewayAsync();

        var (exitCode, output, error) = await SimulatorProcess.RunAsync(
            Timeout, "--port", _pty.PortB, "--serial", "BP0042", "--interval-ms", "50", "--start-record", "41",
            "--readings", "bp:182/112/80;bp:24.3/14.9:kPa;glucose:5.6:fasting;glucose:HI:casual");

        Assert.True(exitCode == 0, error);
        Assert.Equal(5, output.Length);
        Assert.StartsWith("sent 41 $CCBP,BP0042,41,", output[0], StringComparison.Ordinal);
        Assert.EndsWith(",182,112,,80,mmHg,*" + output[0][^2..], output[0], StringComparison.Ordinal);
        Assert.StartsWith("sent 44 $CCGL,BP0042,44,", output[3], StringComparison.Ordinal);
        Assert.Equal("done 4", output[4]);
        var messages = await subscriber.WaitForAsync(m => WireReadings.DistinctIds(m, ReadingsTopic) == 4, Timeout);
        var readings = WireReadings.From(messages, ReadingsTopic).OrderBy(r => r.ReadingId, StringComparer.Ordinal).ToList();
        Assert.Equal((182, 112, 80), (readings[0].Systolic, readings[0].Diastolic, readings[0].Pulse));
        Assert.Equal((182.3, 111.8, PressureUnits.KPa), (readings[1].Systolic, readings[1].Diastolic, readings[1].OriginalUnit));
        Assert.Equal((5.6, MealContexts.Fasting), (readings[2].MmolL, readings[2].Meal));
        Assert.Equal((33.3, OutOfRangeMarks.High), (readings[3].MmolL, readings[3].OutOfRange));
    }

    [Theory]
    [InlineData("garbled", 6)]
    [InlineData("bad-checksum", 3)]
    [InlineData("truncated", 3)]
    public async Task Fault_EveryFrameIsRejectedByTheGateway(string fault, int rejections)
    {
        await using var gateway = await StartGatewayAsync();

        var (exitCode, output, error) = await SimulatorProcess.RunAsync(
            Timeout, "--port", _pty.PortB, "--serial", "GL7", "--interval-ms", "20", "--count", "3", "--seed", "9", "--fault", fault);

        Assert.True(exitCode == 0, error);
        Assert.Equal("done 3", output[^1]);
        // garbled: the noise before each frame and the frame itself are both reported.
        await Eventually.WaitAsync(
            () => gateway.Counters.RejectedCount == rejections,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => $"rejected {gateway.Counters.RejectedCount}, committed {gateway.Counters.CommittedCount}");
        Assert.Equal(0, gateway.Counters.CommittedCount);
        Assert.Equal(0, gateway.Outbox.Count);
    }

    [Theory]
    [InlineData("--serial", "X")]
    [InlineData("--port", "/tmp/x", "--serial", "X", "--fault", "melted")]
    [InlineData("--port", "/tmp/x", "--serial", "X", "--readings", "bp:high")]
    public async Task BadArguments_ExitWithCode2AndUsage(params string[] arguments)
    {
        var (exitCode, _, error) = await SimulatorProcess.RunAsync(Timeout, arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains("error", error, StringComparison.Ordinal);
    }

    private async Task<GatewayUnderTest> StartGatewayAsync()
    {
        var gateway = GatewayUnderTest.Create(_broker.Url, new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "serial",
            ["Edge:Stations:0:Port"] = _pty.PortA,
        });
        await gateway.StartAsync();
        await Eventually.WaitAsync(
            () => gateway.Board.Stations.Single().Connected,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => "station not connected");
        return gateway;
    }
}
