using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>Reads points back from the real influxd with InfluxQL, independent of the product's own query code.</summary>
internal static class InfluxQuery
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The rows of the first series of the first statement, as column → value maps.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> RowsAsync(Uri influx, string database, string influxQl)
    {
        var url = new Uri(influx, $"/query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}");
        using var document = await Http.GetFromJsonAsync<JsonDocument>(url) ?? throw new InvalidOperationException("empty /query answer");
        var result = document.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException("InfluxQL error: " + error.GetString());
        }

        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }

        var columns = series[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return series[0].GetProperty("values").EnumerateArray()
            .Select(row => (IReadOnlyDictionary<string, JsonElement>)columns
                .Zip(row.EnumerateArray().Select(v => v.Clone()))
                .ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    /// <summary>Rows of <paramref name="measurement"/> whose reading_id field equals <paramref name="readingId"/>.</summary>
    public static Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> ByReadingIdAsync(Uri influx, string database, string measurement, string readingId) =>
        RowsAsync(influx, database, string.Create(CultureInfo.InvariantCulture,
            $"SELECT * FROM \"{measurement}\" WHERE \"reading_id\" = '{readingId.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'"));
}
