using System.Diagnostics;
using System.Net;
using CloudClinic.Contracts;
using CloudClinic.Storage.Influx;
using CloudClinic.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CloudClinic.Bench;

/// <summary>The runs of the benchmark. Each MQTT run gets a fresh mosquitto (no other session queuing on it) and its own database.</summary>
internal sealed class Scenarios(InfluxdProcess influxd, string ingestDll, string? nodeRedDir, int minWarmUp)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);

    // As many writes at a time as the ingest's default window (Ingest:MaxInFlightBatches). One POST at a time is not a
    // ceiling: each waits for influxd's WAL fsync, and on a day with a slow disk (2026-11-29 17:55, curl, 100 x 5,000
    // points) one at a time stored 12,904 and 12,032 points/s, three at a time 23,938 and 21,840, for the same influxd CPU.
    private const int RawWritesInFlight = 4;

    // The warm-up leaves a queue of hot methods for the runtime's background tier-1 JIT (and V8's optimiser), and the
    // ingest's alert engine a queue of readings to evaluate; a long-running consumer is past both, so the measured
    // stream starts once the consumer has gone idle.
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);
    private static readonly string Topic = Topics.Readings(BenchReadings.Clinic, BenchReadings.Gateway);
    private readonly InfluxCounter _counter = new(influxd.Url);

    /// <summary>
    /// (a) Pre-built line protocol (the ingest's own points), 5,000 points per POST /write, <see cref="RawWritesInFlight"/>
    /// POSTs at a time.
    /// </summary>
    public async Task<BenchResult> RawCeilingAsync(int points, int round)
    {
        var database = $"bench_raw_r{round}";
        await _counter.CreateAsync(database);
        var bodies = BenchReadings.Make("raw", points, TimeProvider.System.GetUtcNow())
            .Chunk(5000)
            .Select(chunk => new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ReadingPoints.ToLineProtocol(chunk))))
            .ToList();
        using var http = new HttpClient { BaseAddress = influxd.Url, Timeout = TimeSpan.FromSeconds(60) };
        var influxCpuBefore = ProcessCpu.Used(influxd.Pid);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = RawWritesInFlight }, async (body, ct) =>
        {
            using var response = await http.PostAsync(new Uri($"/write?db={database}&precision=ms", UriKind.Relative), body, ct);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException($"influxd answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });

        var elapsed = clock.Elapsed;
        var influxCpu = ProcessCpu.Used(influxd.Pid) - influxCpuBefore;
        return new BenchResult($"raw InfluxDB ceiling (5,000-point POSTs, {RawWritesInFlight} at a time)", points, await _counter.CountAsync(database), elapsed, $"CPU s: influxd {influxCpu.TotalSeconds:F1}", new CpuUse(null, null, influxCpu));
    }

    /// <summary>The broker's own delivery rate: publisher → mosquitto → a subscriber that only acknowledges.</summary>
    public async Task<BenchResult> BrokerDeliveryAsync(int messages)
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        var received = 0;
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mosquitto.Host, mosquitto.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithClientId("bench-subscriber").Build());
        await subscriber.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce);
        var payloads = BenchReadings.Payloads(BenchReadings.Make("broker", messages, TimeProvider.System.GetUtcNow()), 1);
        var firehose = new MqttFirehose(mosquitto);

        var clock = Stopwatch.StartNew();
        await firehose.PublishAsync(Topic, payloads);

        // Every delivery, re-sent lines included: those went through the broker too.
        var deliveries = messages + firehose.Resent;
        while (Volatile.Read(ref received) < deliveries && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(5);
        }

        var elapsed = clock.Elapsed;
        var stored = Math.Min(messages, Volatile.Read(ref received));
        return new BenchResult("mosquitto delivery alone (no storage)", messages, stored, elapsed, "messages/s" + Resent(firehose.Resent));
    }

    /// <summary>(b) The real ingest host: publisher at full speed → mosquitto → CloudClinic.Ingest → influxd.</summary>
    public async Task<BenchResult> CloudClinicAsync(int readings, int perMessage, int round)
    {
        var database = $"bench_cloudclinic_{perMessage}_r{round}";
        await using var mosquitto = await MosquittoProcess.StartAsync();
        var directory = Directory.CreateTempSubdirectory("cloudclinic-bench-ingest-").FullName;
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Mqtt__Url"] = mosquitto.Url,
            ["Ingest__ClientId"] = "bench-ingest",
            ["Ingest__BatchSize"] = "5000",
            ["Storage__Readings"] = "influx",
            ["Storage__Registry"] = $"Data Source={Path.Combine(directory, "registry.db")}",
            ["Influx__Url"] = influxd.Url.ToString(),
            ["Influx__Database"] = database,
            ["Logging__LogLevel__Default"] = "Warning",
            // Debug: one "Acknowledged N messages" line per batch, for the batch sizes in the note.
            ["Logging__LogLevel__CloudClinic.Ingestion.MqttIngestWorker"] = "Debug",
        };
        var ingest = ChildProcess.Start("dotnet", [ingestDll], environment, Path.GetDirectoryName(ingestDll));
        await using (ingest)
        {
            await ingest.WaitForOutputAsync("ingest subscribed", TimeSpan.FromSeconds(60));
            var result = await PublishAndCountAsync(mosquitto, database, readings, perMessage, $"CloudClinic ingest, {Shape(perMessage)}", ingest.Pid, ingest);
            if (result.Lost > 0)
            {
                // A stall is a defect of the ingest, not a figure: show what it last said.
                Console.WriteLine($"  the ingest stalled at {result.Stored:N0}; its last output:");
                Console.WriteLine(string.Join('\n', ingest.Output.Split('\n').TakeLast(12).Select(line => "    " + line)));
                await DiagnoseStallAsync(mosquitto, database, result.Stored + (readings / 5));

                // Held back or gone? A new connection on the same session makes the broker re-send what it holds.
                await ingest.StopAsync(TimeSpan.FromSeconds(10));
                await using var again = ChildProcess.Start("dotnet", [ingestDll], environment, Path.GetDirectoryName(ingestDll));
                await again.WaitForOutputAsync("ingest subscribed", TimeSpan.FromSeconds(60));
                await Task.Delay(TimeSpan.FromSeconds(15));
                Console.WriteLine($"  after the ingest reconnected and 15 s: {await _counter.CountAsync(database):N0} stored in all (warm-up, run, nudge)");
                await again.StopAsync(TimeSpan.FromSeconds(10));
            }

            await ingest.StopAsync(TimeSpan.FromSeconds(10));
            return result;
        }
    }

    /// <summary>(c) The peer: Node-RED's batched MQTT-in → InfluxDB-out flow on the same broker build and database server.</summary>
    public async Task<BenchResult?> NodeRedAsync(int readings, int perMessage, int round)
    {
        if (nodeRedDir is null || !File.Exists(Path.Combine(nodeRedDir, "node_modules", "node-red", "red.js")))
        {
            return null;
        }

        var database = $"bench_nodered_{perMessage}_r{round}";
        await _counter.CreateAsync(database);
        await using var mosquitto = await MosquittoProcess.StartAsync();
        await using var nodeRed = await NodeRedPeer.StartAsync(nodeRedDir, mosquitto.Port, influxd.Url, database);
        var result = await PublishAndCountAsync(mosquitto, database, readings, perMessage, $"Node-RED 4.1 + contrib-influxdb, {Shape(perMessage)}", nodeRed.Pid);
        if (result.Lost > 0)
        {
            // Name the cause of the loss: Node-RED's own errors, and the broker's word on any client it dropped (a clean
            // session loses what was queued for it).
            var errors = nodeRed.Output.Split('\n').Where(l => l.Contains("[error]", StringComparison.Ordinal));
            var drops = mosquitto.Output.Split('\n').Where(l => l.Contains("disconnected due to", StringComparison.Ordinal) || l.Contains("exceeded timeout", StringComparison.Ordinal));
            result = result with { Note = result.Note + "; " + string.Join(" | ", errors.Distinct().Take(2).Concat(drops.Take(2)).Select(l => l.Trim())) };
        }

        return result;
    }

    private async Task<BenchResult> PublishAndCountAsync(
        MosquittoProcess mosquitto, string database, int readings, int perMessage, string name, int consumerPid, ChildProcess? ingest = null)
    {
        // Warm-up, unmeasured, for both the .NET and the V8 JIT: a long-running ingest is past its tier-0 code. At least
        // minWarmUp (200,000 readings in the full run): .NET moves a method to optimised code after 30 calls, and
        // per-batch methods (one call per 5,000 readings at 1/msg) were still being compiled in the measured stream
        // after a warm-up of 100,000.
        var warmUp = Math.Max(readings, minWarmUp);
        var now = TimeProvider.System.GetUtcNow();
        var warmUpPayloads = BenchReadings.Payloads(BenchReadings.Make(database + "-warmup", warmUp, now.AddHours(-2)), perMessage);
        var payloads = BenchReadings.Payloads(BenchReadings.Make(database, readings, now), perMessage);
        var firehose = new MqttFirehose(mosquitto);
        await firehose.PublishAsync(Topic, warmUpPayloads);
        var (warmed, _) = await _counter.WaitAsync(database, warmUp, Stopwatch.StartNew(), Stall);
        await ProcessCpu.WaitUntilIdleAsync(consumerPid, SettleLimit);

        var batches = new IngestBatches();
        if (ingest is not null)
        {
            ingest.LineReceived += batches.Observe;
        }

        var resentInWarmUp = firehose.Resent;
        var cpuBefore = ProcessCpu.Used(consumerPid);
        var brokerCpuBefore = ProcessCpu.Used(mosquitto.Pid);
        var influxCpuBefore = ProcessCpu.Used(influxd.Pid);
        var clock = Stopwatch.StartNew();
        await firehose.PublishAsync(Topic, payloads);
        var published = clock.Elapsed;
        var resent = firehose.Resent - resentInWarmUp;
        var (stored, elapsed) = await _counter.WaitAsync(database, warmed + readings, clock, Stall);
        var cpu = ProcessCpu.Used(consumerPid) - cpuBefore;
        var brokerCpu = ProcessCpu.Used(mosquitto.Pid) - brokerCpuBefore;
        var influxCpu = ProcessCpu.Used(influxd.Pid) - influxCpuBefore;

        // The readings are stored; the ingest's alert engine may still be evaluating the queue behind them (by design
        // it never holds the ingest up). That work is the run's too: show it rather than leave it outside the figures.
        var busyAfter = await ProcessCpu.WaitUntilIdleAsync(consumerPid, SettleLimit);
        var cpuAfter = ProcessCpu.Used(consumerPid) - cpuBefore - cpu;
        var note = $"published in {published.TotalSeconds:F1} s, CPU s: consumer {cpu.TotalSeconds:F1}, mosquitto {brokerCpu.TotalSeconds:F1}, influxd {influxCpu.TotalSeconds:F1}"
                   + $"; consumer busy {busyAfter.TotalSeconds:F1} s more after the last point ({cpuAfter.TotalSeconds:F1} CPU s)"
                   + (ingest is null ? string.Empty : batches.Describe(perMessage))
                   + Resent(resent)
                   + (warmed < warmUp ? $", warm-up lost {warmUp - warmed}" : string.Empty);
        return new BenchResult(name, readings, stored - warmed, elapsed, note, new CpuUse(cpu, brokerCpu, influxCpu));
    }

    /// <summary>Where a stalled stream stands: whether one more publish gets through, and what the broker logged.</summary>
    private async Task DiagnoseStallAsync(MosquittoProcess mosquitto, string database, long storedWithWarmUp)
    {
        var nudge = BenchReadings.Payloads(BenchReadings.Make(database + "-nudge", 1, TimeProvider.System.GetUtcNow()), 1);
        await new MqttFirehose(mosquitto).PublishAsync(Topic, nudge);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine($"  after one more publish and 5 s: {await _counter.CountAsync(database) - storedWithWarmUp:N0} more stored");
        Console.WriteLine("  mosquitto's log (last lines, connects and drops):");
        Console.WriteLine(string.Join('\n', mosquitto.Output.Split('\n').TakeLast(15).Select(line => "    " + line)));
    }

    private static string Resent(int lines) => lines == 0 ? string.Empty : $", publisher re-sent {lines:N0} after mosquitto dropped it";

    private static string Shape(int perMessage) => perMessage == 1 ? "1 reading/message" : $"{perMessage} readings/message";
}
