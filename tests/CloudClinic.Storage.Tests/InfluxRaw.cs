using System.Text;
using System.Text.Json;

namespace CloudClinic.Storage.Tests;

/// <summary>Plain HTTP to influxd, to look at what the store wrote (and to write what the store never would).</summary>
internal static class InfluxRaw
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<JsonElement> QueryAsync(Uri url, string database, string query, bool post = false)
    {
        var parameters = new Dictionary<string, string> { ["db"] = database, ["q"] = query, ["epoch"] = "ms" };
        using var response = post
            ? await Http.PostAsync(new Uri(url, "/query"), new FormUrlEncodedContent(parameters))
            : await Http.GetAsync(new Uri(url, "/query?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The rows of the first series of the first statement (empty when there is none).</summary>
    public static async Task<List<JsonElement>> RowsAsync(Uri url, string database, string query)
    {
        var root = await QueryAsync(url, database, query);
        var result = root.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? [.. series[0].GetProperty("values").EnumerateArray()] : [];
    }

    public static async Task<int> WriteAsync(Uri url, string database, string lines)
    {
        using var content = new StringContent(lines, Encoding.UTF8, "text/plain");
        using var response = await Http.PostAsync(new Uri(url, $"/write?db={database}&precision=ms"), content);
        return (int)response.StatusCode;
    }
}
