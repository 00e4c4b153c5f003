using System.Diagnostics;
using System.Text.Json;

namespace CloudClinic.Bench;

/// <summary>
/// Counts points in influxd directly (the only honest "stored"), and waits for a count or a stall.
/// While waiting it watches influxd's own write counters (<c>SHOW STATS</c>, no data read) and runs the real
/// <c>COUNT</c> only to confirm: a <c>COUNT</c> every 50 ms scans every point so far, and that cost influxd ~7 CPU-s
/// and the ingest run 30% of its rate (a 300,000-reading run, measured both ways) — the raw ceiling, timed by its own
/// loop, never paid it (nor does it pay these polls).
/// </summary>
internal sealed class InfluxCounter(Uri influx) : IDisposable
{
    // SHOW STATS costs influxd ~1.4 ms of CPU (measured: 200 in a row, 0.27 CPU-s), and more as shards add up, so it
    // is asked every 250 ms for the first 90% of a run and every 25 ms for the last 10%, where the end time is read.
    private static readonly TimeSpan CoarsePollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FinePollInterval = TimeSpan.FromMilliseconds(25);

    // Once influxd has taken enough points but the count is short (a re-sent reading overwrote itself), poll slower.
    private static readonly TimeSpan CountInterval = TimeSpan.FromMilliseconds(500);
    private readonly HttpClient _http = new() { BaseAddress = influx, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<long> CountAsync(string database)
    {
        using var json = await QueryAsync(database, "SELECT COUNT(\"systolic\") FROM \"blood_pressure\"");
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }

    /// <summary>Points influxd accepted into <paramref name="database"/> since it started, rewrites included.</summary>
    public async Task<long> WrittenPointsAsync(string database)
    {
        using var json = await QueryAsync(null, "SHOW STATS FOR 'shard'");
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return 0;
        }

        long written = 0;
        foreach (var shard in series.EnumerateArray())
        {
            if (shard.GetProperty("tags").GetProperty("database").GetString() != database)
            {
                continue;
            }

            var column = shard.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("writePointsOk");
            written += shard.GetProperty("values")[0][column].GetInt64();
        }

        return written;
    }

    public async Task CreateAsync(string database)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = $"CREATE DATABASE \"{database}\"" });
        using var response = await _http.PostAsync(new Uri("/query", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Polls until <paramref name="expected"/> points are stored or nothing new arrived for <paramref name="stall"/>;
    /// returns the count and when it was last seen to grow (the end of the run).
    /// </summary>
    public async Task<(long Stored, TimeSpan Elapsed)> WaitAsync(string database, long expected, Stopwatch clock, TimeSpan stall)
    {
        long lastWritten = -1;
        long? firstWritten = null;
        var lastGrowth = clock.Elapsed;
        while (true)
        {
            var written = await WrittenPointsAsync(database);
            firstWritten ??= written;
            if (written != lastWritten)
            {
                lastWritten = written;
                lastGrowth = clock.Elapsed;
            }

            if (written >= expected)
            {
                // Enough points went in; the count says whether they are distinct. If not, rewrites were among them and
                // the run ends when the count gets there.
                var count = await CountAsync(database);
                if (count >= expected)
                {
                    return (count, lastGrowth);
                }
            }

            if (clock.Elapsed - lastGrowth > stall)
            {
                return (await CountAsync(database), lastGrowth);
            }

            var nearTheEnd = expected - written <= (expected - firstWritten.Value) / 10;
            await Task.Delay(written >= expected ? CountInterval : nearTheEnd ? FinePollInterval : CoarsePollInterval);
        }
    }

    private async Task<JsonDocument> QueryAsync(string? database, string query)
    {
        var path = $"/query?q={Uri.EscapeDataString(query)}" + (database is null ? string.Empty : $"&db={database}");
        return JsonDocument.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative)));
    }

    public void Dispose() => _http.Dispose();
}
