using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// HTTP to InfluxDB's v1-style API (<c>/write</c>, <c>/query</c>, <c>/ping</c>): base URL, Basic (v1) or Token (v2) auth, and the mapping of transport failures (refused connection,
/// timeout) and unexpected statuses to <see cref="ReadingStoreFailure.Transient"/>.
/// </summary>
internal sealed class InfluxHttpApi(HttpClient http, InfluxOptions options, TimeProvider time)
{
    public Uri BaseUrl { get; } = new(options.Url.TrimEnd('/') + "/");

    /// <summary>InfluxQL over /query (GET for reads, POST for statements that change anything, as InfluxDB 1.x requires).</summary>
    public async Task<JsonDocument> QueryAsync(string query, HttpMethod method, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>
        {
            ["db"] = options.QueryDatabase,
            ["epoch"] = "ms",
            ["q"] = query,
        };
        if (options.QueryRetentionPolicy is { } retentionPolicy)
        {
            parameters["rp"] = retentionPolicy;
        }

        using var response = await SendAsync(() =>
        {
            if (method == HttpMethod.Get)
            {
                var queryString = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
                return new HttpRequestMessage(HttpMethod.Get, "query?" + queryString);
            }

            return new HttpRequestMessage(HttpMethod.Post, "query") { Content = new FormUrlEncodedContent(parameters) };
        }, ct);

        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest)
        {
            // 400 carries {"error": "..."} for a query InfluxDB could not parse.
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            try
            {
                var document = JsonDocument.Parse(bytes);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    using (document)
                    {
                        InfluxQueryResults.ThrowIfError(document.RootElement);
                    }
                }
                else
                {
                    return document;
                }
            }
            catch (JsonException ex)
            {
                throw new ReadingStoreException(ReadingStoreFailure.Transient, $"InfluxDB /query answered {(int)response.StatusCode} with no JSON", ex);
            }
        }

        throw new ReadingStoreException(
            ReadingStoreFailure.Transient,
            $"InfluxDB query answered {(int)response.StatusCode}: {await ErrorTextAsync(response, ct)}",
            retryAfter: RetryAfter(response));
    }

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        using var request = build();
        request.RequestUri = new Uri(BaseUrl, request.RequestUri!);
        if (options.Dialect == InfluxOptions.DialectV2)
        {
            // InfluxDB 2.x/3.x accept the API token on the v1-compatible /query too (DBRP mapping).
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            // Basic auth (InfluxDB 1.x accepts it) keeps the password out of URLs and access logs.
            var credentials = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ReadingStoreException(ReadingStoreFailure.Transient, $"InfluxDB at {BaseUrl} unreachable: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ReadingStoreException(ReadingStoreFailure.Transient, $"InfluxDB at {BaseUrl} did not answer within {http.Timeout}", ex);
        }
    }

    public static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                return error.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
            // Not InfluxDB's JSON (a proxy's HTML page, say): report the start of it as is.
        }

        return body.Length > 500 ? body[..500] : body;
    }

    public TimeSpan? RetryAfter(HttpResponseMessage response) => RetryAfterHint.From(response.Headers.RetryAfter, time.GetUtcNow());
}
