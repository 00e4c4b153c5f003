using System.Net;
using System.Text;
using CloudClinic.Testing;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// A loopback HTTP double of a WeCom/DingTalk group robot (no such server exists here): a real HttpListener on
/// 127.0.0.1 that records every request and answers from a script indexed by request number (0-based).
/// </summary>
internal sealed class RobotWebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, RobotResponse> _script;
    private readonly List<RobotRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();

    public RobotWebhookReceiver(Func<int, RobotResponse> script)
    {
        _script = script;
        var port = FreeTcpPort.Next();
        Url = $"http://127.0.0.1:{port}/cgi-bin/webhook/send?key=test";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    public IReadOnlyList<RobotRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        // Pending GetContextAsync and scripted delays end here; nothing is awaited, so a hung exchange never stalls a test.
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
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

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        int index;
        lock (_lock)
        {
            index = _requests.Count;
            _requests.Add(new RobotRequest(TimeProvider.System.GetUtcNow(), context.Request.HttpMethod, context.Request.ContentType, body));
        }

        var response = _script(index);
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }

            context.Response.StatusCode = response.StatusCode;
            if (response.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client gave up (attempt timeout) or the test ended.
        }
    }
}
