using System.Diagnostics;
using System.Text.Json;

namespace CloudClinic.Bench;

/// <summary>Counts points in influxd directly (the only honest "stored"), and waits for a count or a stall.</summary>
internal sealed class InfluxCounter(Uri influx) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly HttpClient _http = new() { BaseAddress = influx, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<long> CountAsync(string database)
    {
        var query = Uri.EscapeDataString("SELECT COUNT(\"systolic\") FROM \"blood_pressure\"");
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/query?db={database}&q={query}", UriKind.Relative)));
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
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
        long last = -1;
        var lastGrowth = clock.Elapsed;
        while (true)
        {
            var count = await CountAsync(database);
            if (count != last)
            {
                last = count;
                lastGrowth = clock.Elapsed;
            }

            if (count >= expected || clock.Elapsed - lastGrowth > stall)
            {
                return (count, lastGrowth);
            }

            await Task.Delay(PollInterval);
        }
    }

    public void Dispose() => _http.Dispose();
}
