using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests.Faults;

/// <summary>
/// What influxd holds for a set of sent readings, read straight from <c>/query</c>: points, distinct reading ids,
/// the sent ones missing (lost) and points beyond one per reading (duplicates).
/// </summary>
internal sealed record InfluxTally(int Sent, int Points, int Distinct, int Lost, int Duplicates)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<InfluxTally> CountAsync(InfluxdProcess influxd, string database, IReadOnlyCollection<ReadingMessage> sent)
    {
        var query = Uri.EscapeDataString("SELECT \"reading_id\" FROM \"blood_pressure\"");
        using var response = await Http.GetAsync(new Uri(influxd.Url, $"/query?db={database}&q={query}"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = new List<string>();
        var result = json.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("series", out var series))
        {
            ids.AddRange(series[0].GetProperty("values").EnumerateArray().Select(v => v[1].GetString()!));
        }

        var distinct = ids.ToHashSet(StringComparer.Ordinal);
        var lost = sent.Count(r => !distinct.Contains(r.ReadingId));
        return new InfluxTally(sent.Count, ids.Count, distinct.Count, lost, ids.Count - distinct.Count);
    }

    /// <summary>Polls influxd (another process: no event to await) until every sent reading is there, or the timeout.</summary>
    public static async Task<InfluxTally> WaitForAllAsync(InfluxdProcess influxd, string database, IReadOnlyCollection<ReadingMessage> sent, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var tally = await CountAsync(influxd, database, sent);
            if (tally.Lost == 0 || cts.IsCancellationRequested)
            {
                return tally;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cts.Token);
            }
            catch (OperationCanceledException)
            {
                return await CountAsync(influxd, database, sent);
            }
        }
    }

    public override string ToString() =>
        $"sent={Sent} stored={Distinct} points={Points} lost={Lost} duplicates={Duplicates}";
}
