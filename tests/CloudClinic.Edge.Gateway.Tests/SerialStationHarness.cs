using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>
/// The real gateway reading one simulated serial meter through a real socat pty pair. Nothing listens on the MQTT
/// port, so every reading stays in the outbox where losses and duplicates would show.
/// </summary>
internal static class SerialStationHarness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    public static async Task<GatewayUnderTest> StartGatewayAsync(SimulatedMeter meter, SocatPtyPair pty)
    {
        var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", meter.Station(pty.PortA));
        await gateway.StartAsync();
        await WaitForBoardAsync(gateway, () => gateway.Board.Stations.Single().Connected);
        return gateway;
    }

    public static IReadOnlyList<ReadingMessage> Readings(GatewayUnderTest gateway) =>
        [.. gateway.Outbox.Peek(100_000, new HashSet<string>()).Select(e => e.Reading)];

    public static Task WaitAsync(GatewayUnderTest gateway, Func<bool> condition) =>
        Eventually.WaitAsync(
            condition,
            h => gateway.Counters.Changed += h,
            h => gateway.Counters.Changed -= h,
            Timeout,
            () => Describe(gateway));

    public static Task WaitForBoardAsync(GatewayUnderTest gateway, Func<bool> condition) =>
        Eventually.WaitAsync(
            condition,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => Describe(gateway));

    public static string Describe(GatewayUnderTest gateway)
    {
        var station = gateway.Board.Stations.Single();
        return $"outbox {gateway.Outbox.Count}, committed {gateway.Counters.CommittedCount}, duplicates {gateway.Counters.DuplicateCount}, " +
            $"rejected {gateway.Counters.RejectedCount}, memory reads {gateway.Counters.MemoryReadCount}, connected {station.Connected}, " +
            $"last error {station.LastError}; log tail: {string.Join(" | ", gateway.Logs.Where(l => l.Contains("glucose-1", StringComparison.Ordinal)).TakeLast(8))}";
    }
}
