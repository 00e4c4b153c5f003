using System.Diagnostics;
using System.Globalization;
using CloudClinic.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CloudClinic.Edge.Faults.Tests;

/// <summary>
/// "Done means" of issue 4, after Azure IoT Edge's connectivity test: the gateway process, in a network namespace,
/// streams numbered simulated readings to a real mosquitto across a veth pair while (a) the link is cut and restored
/// three times, (b) the gateway is kill -9'd mid-replay and restarted, (c) mosquitto is restarted (SIGTERM: 2.0.11
/// sends PUBACK before it persists, so a SIGKILL could lose what it acknowledged — a broker fault, not ours). The
/// coordinator then compares what the meters produced with what is in its store: lost = 0, duplicate rows = 0.
/// Each gateway run has its own simulated meter (station meter-run1, meter-run2), records numbered from 1.
/// </summary>
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    private const double IntervalSeconds = 0.01;
    private const long SecondRunCount = 700;
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan[] Cuts = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(11)];

    // The last cut lasts at least 11 s, and then until mosquitto has published the gateway's will (1.5 x the 5 s
    // keep-alive has passed and mosquitto has looked): measured here 5.5-11.6 s into the cut in five runs; a fixed
    // 11 s cut missed it on CI.
    private static readonly TimeSpan WillWithin = TimeSpan.FromSeconds(25);

    [NetworkNamespaceFact]
    public async Task Gateway_LinkCutsKillNineAndBrokerRestart_LosesNothingAndStoresNoDuplicate()
    {
        var directory = Directory.CreateTempSubdirectory("cloudclinic-faults-").FullName;
        try
        {
            await RunScenarioAsync(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task RunScenarioAsync(string directory)
    {
        // Disposal order (reverse): gateways, coordinator, mosquitto, then the namespace and veth, whatever failed.
        await using var network = await NetworkNamespace.CreateAsync();
        var vethPort = FreeTcpPort.Next();
        // Bound to the loopback (the coordinator) and the host end of the veth only (the gateway), never 0.0.0.0.
        await using var mosquitto = await MosquittoProcess.StartAsync($"listener {vethPort.ToString(CultureInfo.InvariantCulture)} {network.HostAddress}");
        await using var coordinator = await ReadingCoordinator.StartAsync(
            mosquitto.Host, mosquitto.Port, GatewayProcess.ClinicId, GatewayProcess.GatewayId, Path.Combine(directory, "store.db"));
        var url = string.Create(CultureInfo.InvariantCulture, $"mqtt://{network.HostAddress}:{vethPort}");
        var outboxPath = Path.Combine(directory, "outbox.db");
        Log($"namespace {network.Name}: gateway {network.NamespaceAddress} -> mosquitto {url} (veth {network.HostInterface})");

        var first = GatewayProcess.SerialOf("meter-run1");
        IReadOnlySet<long> inOutboxAtKill;
        long beforeLastCut = 0;
        await using (var gateway = GatewayProcess.Start(network, url, outboxPath, "meter-run1", IntervalSeconds, count: null))
        {
            await ArrivedAsync(coordinator, gateway, first, 50);
            for (var i = 0; i < Cuts.Length; i++)
            {
                var before = Max(coordinator.Records(first));
                beforeLastCut = before;
                await network.CutAsync();
                var cutAt = Stopwatch.GetTimestamp();
                await Task.Delay(Cuts[i]);
                if (i == Cuts.Length - 1)
                {
                    // mosquitto dropped the gateway and published its will while the link was down.
                    await coordinator.WaitAsync(
                        () => coordinator.OfflineStatuses >= 1,
                        WillWithin,
                        () => $"no will (offline status) within {(Cuts[i] + WillWithin).TotalSeconds} s of the cut:\n{gateway.Output}");
                }

                Log($"cut {i + 1}: link down for {Stopwatch.GetElapsedTime(cutAt).TotalSeconds:F1} s after record {before}; offline statuses {coordinator.OfflineStatuses}");
                await network.RestoreAsync();
                await ArrivedAsync(coordinator, gateway, first, before + 1);
            }

            // The last cut left a backlog that is being replayed right now: kill -9 in the middle of it.
            await gateway.KillAsync();
            inOutboxAtKill = OutboxRecords(outboxPath, first);
            Log($"kill -9 mid-replay: {inOutboxAtKill.Count} readings of {first} still in the outbox, {coordinator.Records(first).Count} received");
        }

        var second = GatewayProcess.SerialOf("meter-run2");
        await using (var gateway = GatewayProcess.Start(network, url, outboxPath, "meter-run2", IntervalSeconds, SecondRunCount))
        {
            await ArrivedAsync(coordinator, gateway, second, 100);
            await mosquitto.StopAsync();
            Log($"mosquitto stopped (SIGTERM) after record {Max(coordinator.Records(second))} of {second}");
            await mosquitto.StartAsync();

            // Run 1 committed records 1..K before its kill: each was either acknowledged by the broker (then delivered)
            // or still in the outbox file, which run 2 replays.
            long ProducedFirst() => Math.Max(Max(coordinator.Records(first)), Max(inOutboxAtKill));
            await coordinator.WaitAsync(
                () => Lost(coordinator.Records(first), ProducedFirst()) == 0 && Lost(coordinator.Records(second), SecondRunCount) == 0,
                TimeSpan.FromSeconds(40),
                () => $"lost so far: {first} {Lost(coordinator.Records(first), ProducedFirst())}, {second} {Lost(coordinator.Records(second), SecondRunCount)}\n{gateway.Output}");
            Assert.True(Count(gateway.Output, "Connected to") >= 2, "the mosquitto restart should have forced a reconnect:\n" + gateway.Output);

            var producedFirst = ProducedFirst();
            var received = (First: coordinator.Records(first), Second: coordinator.Records(second));
            Log($"meter {first}: produced 1..{producedFirst}, stored {received.First.Count}, lost {Lost(received.First, producedFirst)}");
            Log($"meter {second}: produced 1..{SecondRunCount}, stored {received.Second.Count}, lost {Lost(received.Second, SecondRunCount)}");
            Log($"delivered copies {coordinator.Copies}, of which re-delivered {coordinator.Redelivered} (different content: {coordinator.RedeliveredDifferent})");
            Log($"store rows {coordinator.StoredRows}, duplicate rows {coordinator.DuplicateRows}, unreadable payloads {coordinator.Unreadable}, coordinator reconnects {coordinator.Reconnects}");

            Assert.Equal(0, Lost(received.First, producedFirst));
            Assert.Equal(0, Lost(received.Second, SecondRunCount));
            Assert.Equal(producedFirst + SecondRunCount, coordinator.StoredRows);
            Assert.Equal(0, coordinator.DuplicateRows);
            Assert.Equal(0, coordinator.RedeliveredDifferent);
            Assert.Equal(0, coordinator.Unreadable);
            // The meter kept producing through the last cut (~200 readings from its start to the kill here, at any speed of the
            // earlier part of the run): the counts above are not of a stream that stopped.
            Assert.True(producedFirst - beforeLastCut >= 50, $"run 1 produced only {producedFirst - beforeLastCut} readings after record {beforeLastCut}, where the last cut began: the stream did not run through it");
        }
    }

    private static Task ArrivedAsync(ReadingCoordinator coordinator, ChildProcess gateway, string serial, long record) =>
        coordinator.WaitAsync(
            () => Max(coordinator.Records(serial)) >= record,
            Progress,
            () => $"{serial}: record {record} not received (max {Max(coordinator.Records(serial))})\n{gateway.Output}");

    /// <summary>Records of 1..<paramref name="produced"/> not in <paramref name="received"/>.</summary>
    private static long Lost(IReadOnlySet<long> received, long produced) => produced - received.Count(r => r >= 1 && r <= produced);

    private static long Max(IReadOnlySet<long> records) => records.Count == 0 ? 0 : records.Max();

    private static int Count(string text, string marker) =>
        text.Split('\n').Count(line => line.Contains(marker, StringComparison.Ordinal));

    /// <summary>What the killed gateway had committed and not yet seen acknowledged: the rows in its outbox file.</summary>
    private static HashSet<long> OutboxRecords(string outboxPath, string serial)
    {
        using var connection = new SqliteConnection($"Data Source={outboxPath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reading_id FROM outbox";
        using var reader = command.ExecuteReader();
        var records = new HashSet<long>();
        while (reader.Read())
        {
            var id = MeterRecordId.Parse(reader.GetString(0));
            if (id.Serial == serial)
            {
                records.Add(id.Record);
            }
        }

        return records;
    }

    private void Log(string line) => output.WriteLine(line);
}
