using System.Globalization;
using CloudClinic.Bench;
using CloudClinic.Testing;

// bench/run.sh builds the ingest in Release and passes: --ingest <CloudClinic.Ingest.dll> [--node-red <dir>] [--quick]
// [--rounds N] [--only raw,broker,cc1,cc100,nr1,nr100]
var ingestDll = Argument("--ingest") ?? throw new ArgumentException("--ingest <path to CloudClinic.Ingest.dll> is required");
var nodeRedDir = Argument("--node-red");
var scale = args.Contains("--quick") ? 0.2 : 1.0;
int Size(int full) => (int)(full * scale);

// Other tenants move a single run on these shared cores by ±25%, in every process at once: every run is repeated in
// rounds, each round runs them all back to back, and a ratio is taken within a round (its runs closest in time).
var rounds = int.Parse(Argument("--rounds") ?? "3", CultureInfo.InvariantCulture);
Console.WriteLine($"CloudClinic ingest benchmark — {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}, {rounds} round(s)");
await using var influxd = await InfluxdProcess.StartAsync();
var scenarios = new Scenarios(influxd, ingestDll, nodeRedDir, minWarmUp: Size(200_000));

var only = Argument("--only")?.Split(',') ?? ["raw", "broker", "cc1", "cc100", "nr1", "nr100"];
var results = new List<Dictionary<string, BenchResult>>();
for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"round {round}:");
    var run = new Dictionary<string, BenchResult>();
    await Run(run, "raw", async () => await scenarios.RawCeilingAsync(Size(500_000), round));
    await Run(run, "broker", async () => await scenarios.BrokerDeliveryAsync(Size(100_000)));
    await Run(run, "cc1", async () => await scenarios.CloudClinicAsync(Size(100_000), 1, round));
    await Run(run, "cc100", async () => await scenarios.CloudClinicAsync(Size(300_000), 100, round));
    await Run(run, "nr1", () => scenarios.NodeRedAsync(Size(100_000), 1, round));
    await Run(run, "nr100", () => scenarios.NodeRedAsync(Size(300_000), 100, round));
    results.Add(run);
}

Console.WriteLine();
Console.WriteLine($"Median of {rounds} round(s), with the range:");
Console.WriteLine();
Console.WriteLine("| run | sent | stored | lost | readings/s (median) | range | note (median round) |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
foreach (var key in only)
{
    var runs = Runs(key);
    if (runs.Count == 0)
    {
        continue;
    }

    var median = Median(runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {median.Name} | {runs.Sum(r => r.Sent):N0} | {runs.Sum(r => r.Stored):N0} | {runs.Sum(r => r.Lost):N0} | {median.PerSecond:N0} | {runs.Min(r => r.PerSecond):N0}–{runs.Max(r => r.PerSecond):N0} | {median.Note} |"));
}

Console.WriteLine();
Ratio("CloudClinic 1/msg ÷ raw ceiling", "cc1", "raw", "goal ≥ 0.50; the broker's delivery rate is the limit");
Ratio("CloudClinic 1/msg ÷ mosquitto delivery alone", "cc1", "broker", "against a plain MQTTnet subscriber that only acknowledges: a floor under the broker's limit");
Ratio("CloudClinic 100/msg ÷ raw ceiling", "cc100", "raw", "goal ≥ 0.70");
Ratio("CloudClinic 1/msg ÷ Node-RED 1/msg", "cc1", "nr1", "goal ≥ 2");
Ratio("CloudClinic 100/msg ÷ Node-RED 100/msg", "cc100", "nr100", string.Empty);

// Per reading, so runs of different sizes compare: the ceiling's influxd figure is what a point costs the database
// alone; a run's "all" is what its readings cost the two cores.
Console.WriteLine();
Console.WriteLine("CPU µs per reading stored (median round of each run):");
Console.WriteLine();
Console.WriteLine("| run | consumer | mosquitto | influxd | all |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var key in only)
{
    var runs = Runs(key);
    if (runs.Count > 0 && Median(runs) is { Cpu: { } cpu } median)
    {
        Console.WriteLine($"| {median.Name} | {string.Join(" | ", cpu.MicrosPerReading(median.Stored))} |");
    }
}

Console.WriteLine();
var cloudClinicLost = results.SelectMany(r => r.Where(kv => kv.Key.StartsWith("cc", StringComparison.Ordinal))).Sum(kv => kv.Value.Lost);
Console.WriteLine($"CloudClinic lost: {cloudClinicLost} in all rounds (must be 0)");
return cloudClinicLost == 0 ? 0 : 1;

List<BenchResult> Runs(string key) => results.Select(r => r.GetValueOrDefault(key)).OfType<BenchResult>().ToList();

// The round whose rate is the median: its note (and CPU) stand for the run.
static BenchResult Median(List<BenchResult> runs) => runs.OrderBy(r => r.PerSecond).ElementAt(runs.Count / 2);

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

async Task Run(Dictionary<string, BenchResult> run, string key, Func<Task<BenchResult?>> scenario)
{
    if (!only.Contains(key))
    {
        return;
    }

    var result = await scenario();
    if (result is not null)
    {
        run[key] = result;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Name}: {result.Stored:N0}/{result.Sent:N0} in {result.Elapsed.TotalSeconds:F2} s = {result.PerSecond:N0}/s {result.Note}"));
    }
}

// The median of the ratios within each round, and each round's ratio.
void Ratio(string name, string numerator, string denominator, string goal)
{
    var ratios = results
        .Where(r => r.ContainsKey(numerator) && r.TryGetValue(denominator, out var d) && d.PerSecond > 0)
        .Select(r => r[numerator].PerSecond / r[denominator].PerSecond)
        .ToList();
    if (ratios.Count == 0)
    {
        Console.WriteLine($"{name}: n/a");
        return;
    }

    var median = ratios.Order().ElementAt(ratios.Count / 2);
    var each = string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {median:F2} (rounds: {each}) {goal}"));
}
