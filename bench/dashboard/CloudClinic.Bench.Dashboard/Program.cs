using System.Diagnostics;
using System.Globalization;
using CloudClinic.Bench.Dashboard;
using CloudClinic.Testing;
using Microsoft.AspNetCore.SignalR.Client;

// bench/dashboard/run.sh: one dashboard host, N SignalR clients in this process, messages through the MQTT relay.
// Usage: CloudClinic.Bench.Dashboard --dashboard PATH/CloudClinic.Dashboard.dll [--clients 1000] [--messages 100] [--interval-ms 100]
var options = ParseArgs(args);
var dll = options.GetValueOrDefault("dashboard") ?? throw new ArgumentException("--dashboard PATH/CloudClinic.Dashboard.dll is required");
var clientCount = int.Parse(options.GetValueOrDefault("clients") ?? "1000", CultureInfo.InvariantCulture);
var messageCount = int.Parse(options.GetValueOrDefault("messages") ?? "100", CultureInfo.InvariantCulture);
var interval = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("interval-ms") ?? "100", CultureInfo.InvariantCulture));
var clock = TimeProvider.System;

var data = Directory.CreateTempSubdirectory("cloudclinic-bench-dashboard-");
await using var broker = await InProcessMqttBroker.StartAsync();
var url = "http://127.0.0.1:" + FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
var settings = new Dictionary<string, string?>
{
    ["Mqtt__Url"] = broker.Url,
    ["Storage__Readings"] = "sqlite",
    ["Storage__SqlitePath"] = Path.Combine(data.FullName, "readings.db"),
    ["Storage__Registry"] = "Data Source=" + Path.Combine(data.FullName, "registry.db"),
    ["Dashboard__DefaultClinicId"] = BenchMessages.Clinic,
    ["Dashboard__RelayReconnectDelay"] = "00:00:00.200",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
};
var password = await BenchAccount.CreateAsync(dll, settings);
await using var dashboard = ChildProcess.Start("dotnet", [dll, "--urls", url], settings);
await dashboard.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
var hubUrl = url + "/hubs/clinic";
var cookies = await BenchAccount.SignInAsync(url, password);
await WaitForRelayAsync(hubUrl, cookies, broker, clock);
var idle = ServerMemory.Read(dashboard.Pid);

Console.WriteLine($"dashboard pid {dashboard.Pid} on {url}; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
var connecting = Stopwatch.StartNew();
await using var clients = await FanOutClients.ConnectAsync(hubUrl, cookies, clientCount, parallel: 50);
Console.WriteLine($"{clients.Count} SignalR clients (WebSockets) connected in {connecting.Elapsed.TotalSeconds:F1} s");
var connected = ServerMemory.Read(dashboard.Pid);

// Warm-up (JIT on both sides), then the measured round.
await RoundAsync(clients, broker, Math.Max(4, messageCount / 10), interval, clock, offset: 1_000_000);
var (sorted, received, expected, elapsed) = await RoundAsync(clients, broker, messageCount, interval, clock, offset: 0);
var end = ServerMemory.Read(dashboard.Pid);

Console.WriteLine();
Console.WriteLine($"messages: {messageCount} ({messageCount - messageCount / 2} urgent alerts + {messageCount / 2} readings), one every {interval.TotalMilliseconds:F0} ms, through the MQTT relay");
Console.WriteLine($"deliveries: {received:N0} of {expected:N0} expected ({clients.Count} clients x {messageCount}) in {elapsed.TotalSeconds:F1} s");
Console.WriteLine($"fan-out latency (publish -> client handler): p50 {Percentile.Of(sorted, 50):F1} ms, p90 {Percentile.Of(sorted, 90):F1} ms, p99 {Percentile.Of(sorted, 99):F1} ms, max {sorted.LastOrDefault():F1} ms");
Console.WriteLine($"server RSS: idle {idle.RssMiB:F0} MiB, {clients.Count} clients connected {connected.RssMiB:F0} MiB, after the round {end.RssMiB:F0} MiB (peak {end.PeakMiB:F0} MiB)");
var p99 = Percentile.Of(sorted, 99);
Console.WriteLine(p99 < 500 ? $"goal p99 < 500 ms: met ({p99:F0} ms)" : $"goal p99 < 500 ms: NOT met ({p99:F0} ms)");
await dashboard.StopAsync(TimeSpan.FromSeconds(10));
data.Delete(recursive: true);
return received == expected ? 0 : 1;

static async Task<(double[] Sorted, long Received, long Expected, TimeSpan Elapsed)> RoundAsync(
    FanOutClients clients, InProcessMqttBroker broker, int messages, TimeSpan interval, TimeProvider clock, int offset)
{
    var all = clients.ExpectAsync(messages);
    var started = Stopwatch.StartNew();
    for (var i = 0; i < messages; i++)
    {
        var (id, topic, payload) = i % 2 == 0 ? BenchMessages.Alert(offset + i, clock.GetUtcNow()) : BenchMessages.Reading(offset + i, clock.GetUtcNow());
        clients.Publishing(id);
        await broker.PublishAsync(topic, payload);
        await Task.Delay(interval, clock);
    }

    try
    {
        await all.WaitAsync(TimeSpan.FromSeconds(120), clock);
    }
    catch (TimeoutException)
    {
        Console.WriteLine("timed out waiting for every delivery");
    }

    return (clients.LatenciesMs(), clients.Received, (long)messages * clients.Count, started.Elapsed);
}

static async Task WaitForRelayAsync(string hubUrl, System.Net.CookieContainer cookies, InProcessMqttBroker broker, TimeProvider clock)
{
    // The relay subscribes a moment after the host listens: publish probe alerts until one arrives.
    await using var probe = new HubConnectionBuilder().WithUrl(hubUrl, o => o.Cookies = cookies).Build();
    var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    probe.On<object>("AlertChanged", _ => arrived.TrySetResult());
    await probe.StartAsync();
    for (var attempt = 0; !arrived.Task.IsCompleted; attempt++)
    {
        if (attempt > 300)
        {
            throw new TimeoutException("the dashboard's relay never delivered a probe alert");
        }

        var (_, topic, payload) = BenchMessages.Alert(2_000_000 + attempt, clock.GetUtcNow());
        await broker.PublishAsync(topic, payload);
        await Task.WhenAny(arrived.Task, Task.Delay(TimeSpan.FromMilliseconds(200), clock));
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static Dictionary<string, string> ParseArgs(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
