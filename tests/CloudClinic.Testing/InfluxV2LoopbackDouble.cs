using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CloudClinic.Testing;

/// <summary>
/// A loopback HTTP double of the InfluxDB 2.x API, for the one dialect no server on this machine speaks (Debian has
/// InfluxDB 1.6.7 only: <c>/api/v2/*</c> → 404). Implements what the v2 writer uses, per the InfluxDB v2 API
/// reference: <c>POST /api/v2/write?org=&amp;bucket=&amp;precision=</c> (token auth, 204, gzip bodies),
/// <c>GET /api/v2/buckets?name=</c> and <c>GET /ping</c>. Records the line protocol it accepted and plays scripted
/// failures (413, 400, 429 with Retry-After, 503) in order, or refuses lines containing a given text with 400.
/// Not an InfluxDB: it stores nothing and answers no queries.
/// </summary>
public sealed class InfluxV2LoopbackDouble : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<InfluxV2WriteAnswer> _script = new();
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _writeQueries = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Task _serving;
    private int _writeRequests;
    private int _disposed;
    private string? _rejectLinesContaining;

    private InfluxV2LoopbackDouble(string token, string org, string bucket, int port)
    {
        Token = token;
        Org = org;
        Bucket = bucket;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public string Token { get; }

    public string Org { get; }

    public string Bucket { get; }

    /// <summary>Every write request received, whatever was answered.</summary>
    public int WriteRequests => Volatile.Read(ref _writeRequests);

    /// <summary>Line protocol lines of the writes answered 204, in arrival order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Query strings of the writes answered 204 (org, bucket, precision).</summary>
    public IReadOnlyList<string> WriteQueries => [.. _writeQueries];

    public static InfluxV2LoopbackDouble Start(string token = "test-token", string org = "clinic-org", string bucket = "readings")
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new InfluxV2LoopbackDouble(token, org, bucket, FreeTcpPort.Next());
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                // The free port was taken in between: try another.
            }
        }
    }

    /// <summary>Answers the next writes with these, in order, before going back to 204.</summary>
    public void Enqueue(params InfluxV2WriteAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>From now on, a write with a line containing <paramref name="text"/> gets 400 (as a field type conflict would).</summary>
    public void RejectLinesContaining(string text) => _rejectLinesContaining = text;

    /// <summary>Completes once <paramref name="count"/> lines were accepted.</summary>
    public Task WaitForLinesAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_lines.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Stops listening (a test may do so early to play a server that is gone); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Close() alone: the managed HttpListener's Stop() releases the port and a later Close() removes the
        // prefix again, which re-binds the port for a moment and fails if another process took it meanwhile.
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away mid-answer (its timeout): nothing to do.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (path == "/ping")
        {
            await RespondAsync(context, 204);
            return;
        }

        if (request.Headers["Authorization"] != $"Token {Token}")
        {
            await RespondAsync(context, 401, "unauthorized", "unauthorized access");
            return;
        }

        switch (request.HttpMethod, path)
        {
            case ("GET", "/api/v2/buckets"):
                await AnswerBucketsAsync(context, request.QueryString["name"]);
                break;
            case ("POST", "/api/v2/write"):
                await AnswerWriteAsync(context);
                break;
            default:
                await RespondAsync(context, 404, "not found", $"path {path} not found");
                break;
        }
    }

    private async Task AnswerBucketsAsync(HttpListenerContext context, string? name)
    {
        var buckets = name == Bucket
            ? $$"""[{"id":"0000000000000b01","orgID":"0000000000000001","name":"{{Bucket}}","type":"user","retentionRules":[]}]"""
            : "[]";
        await RespondJsonAsync(context, 200, $$"""{"buckets":{{buckets}}}""");
    }

    private async Task AnswerWriteAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _writeRequests);
        var request = context.Request;
        var body = await ReadBodyAsync(request);
        if (request.QueryString["org"] != Org || request.QueryString["bucket"] != Bucket)
        {
            await RespondAsync(context, 404, "not found", $"bucket \"{request.QueryString["bucket"]}\" not found");
            return;
        }

        if (_script.TryDequeue(out var answer))
        {
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }

            await RespondAsync(context, answer.Status, answer.Status == 413 ? "request too large" : "invalid", answer.Message);
            return;
        }

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (_rejectLinesContaining is { } rejected && lines.FirstOrDefault(l => l.Contains(rejected, StringComparison.Ordinal)) is { } bad)
        {
            await RespondAsync(context, 400, "invalid", $"partial write: field type conflict in line '{bad[..Math.Min(bad.Length, 60)]}'");
            return;
        }

        _writeQueries.Enqueue(request.Url!.Query);
        lock (_gate)
        {
            foreach (var line in lines)
            {
                _lines.Enqueue(line);
            }

            foreach (var waiter in _waiters.Where(w => _lines.Count >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        await RespondAsync(context, 204);
    }

    private static async Task<string> ReadBodyAsync(HttpListenerRequest request)
    {
        Stream body = request.InputStream;
        if (string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static Task RespondAsync(HttpListenerContext context, int status, string? code = null, string? message = null) =>
        code is null
            ? RespondJsonAsync(context, status, null)
            : RespondJsonAsync(context, status, JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code, ["message"] = message ?? code }));

    private static async Task RespondJsonAsync(HttpListenerContext context, int status, string? json)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }
}
