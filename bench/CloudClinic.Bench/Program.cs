using System.Globalization;
using CloudClinic.Bench;
using CloudClinic.Testing;

// bench/run.sh builds the ingest in Release and passes: --ingest <CloudClinic.Ingest.dll> [--node-red <dir>] [--quick]
// [--only raw,broker,cc1,cc100,nr1,nr100]
var ingestDll = Argument("--ingest") ?? throw new ArgumentException("--ingest <path to CloudClinic.Ingest.dll> is required");
var nodeRedDir = Argument("--node-red");
var scale = args.Contains("--quick") ? 0.2 : 1.0;
int Size(int full) => (int)(full * scale);

Console.WriteLine($"CloudClinic ingest benchmark — {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}");
await using var influxd = await InfluxdProcess.StartAsync();
var scenarios = new Scenarios(influxd, ingestDll, nodeRedDir);

var only = Argument("--only")?.Split(',') ?? ["raw", "broker", "cc1", "cc100", "nr1", "nr100"];
var raw = await Run("raw", async () => await scenarios.RawCeilingAsync(Size(500_000)));
var broker = await Run("broker", async () => await scenarios.BrokerDeliveryAsync(Size(100_000)));
var single = await Run("cc1", async () => await scenarios.CloudClinicAsync(Size(100_000), 1));
var batched = await Run("cc100", async () => await scenarios.CloudClinicAsync(Size(300_000), 100));
var nodeRedSingle = await Run("nr1", () => scenarios.NodeRedAsync(Size(100_000), 1));
var nodeRedBatched = await Run("nr100", () => scenarios.NodeRedAsync(Size(300_000), 100));

Console.WriteLine();
Console.WriteLine("| run | sent | stored | lost | readings/s | note |");
Console.WriteLine("|---|---:|---:|---:|---:|---|");
foreach (var result in new[] { raw, broker, single, batched, nodeRedSingle, nodeRedBatched }.OfType<BenchResult>())
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {result.Name} | {result.Sent:N0} | {result.Stored:N0} | {result.Lost:N0} | {result.PerSecond:N0} | {result.Note} |"));
}

Console.WriteLine();
Ratio("CloudClinic 1/msg ÷ raw ceiling", single, raw, "goal ≥ 0.50; the broker's delivery rate is the limit");
Ratio("CloudClinic 1/msg ÷ mosquitto delivery alone", single, broker, "how much of the broker's own rate the ingest keeps");
Ratio("CloudClinic 100/msg ÷ raw ceiling", batched, raw, "goal ≥ 0.70");
Ratio("CloudClinic 1/msg ÷ Node-RED 1/msg", single, nodeRedSingle, "goal ≥ 2");
Ratio("CloudClinic 100/msg ÷ Node-RED 100/msg", batched, nodeRedBatched, string.Empty);
var cloudClinicLost = (single?.Lost ?? 0) + (batched?.Lost ?? 0);
Console.WriteLine($"CloudClinic lost: {cloudClinicLost} (must be 0)");
return cloudClinicLost == 0 ? 0 : 1;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

async Task<BenchResult?> Run(string key, Func<Task<BenchResult?>> scenario)
{
    if (!only.Contains(key))
    {
        return null;
    }

    var result = await scenario();
    if (result is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Name}: {result.Stored:N0}/{result.Sent:N0} in {result.Elapsed.TotalSeconds:F2} s = {result.PerSecond:N0}/s {result.Note}"));
    }

    return result;
}

static void Ratio(string name, BenchResult? numerator, BenchResult? denominator, string goal)
{
    if (numerator is null || denominator is null || denominator.PerSecond <= 0)
    {
        Console.WriteLine($"{name}: n/a");
        return;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {numerator.PerSecond / denominator.PerSecond:F2} {goal}"));
}
