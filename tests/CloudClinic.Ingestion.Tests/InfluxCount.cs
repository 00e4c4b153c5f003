using System.Text.Json;
using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary>Counts points in influxd directly, so "exactly once" is checked in the database, not through the store.</summary>
internal static class InfluxCount
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<long> PointsAsync(InfluxdProcess influxd, string database, string measurement)
    {
        var query = Uri.EscapeDataString($"SELECT COUNT(\"reading_id\") FROM \"{measurement}\"");
        var body = await Http.GetStringAsync(new Uri(influxd.Url, $"/query?db={database}&q={query}"));
        using var json = JsonDocument.Parse(body);
        var result = json.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }
}
