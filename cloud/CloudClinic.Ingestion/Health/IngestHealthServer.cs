using CloudClinic.Ingestion.Admin;
using CloudClinic.Storage.DeadLetters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Ingestion.Health;

/// <summary>
/// A tiny Kestrel beside the ingest worker, only when <c>Ingest:HealthUrl</c> is set: <c>/healthz</c>, <c>/readyz</c>
/// and <c>GET /admin/dead-letters</c>, answered from the ingest's own services. The ingest stays a worker host (no
/// web server unless asked for), and hosts that already serve HTTP map the same endpoints themselves instead.
/// </summary>
internal sealed partial class IngestHealthServer(
    IServiceProvider services,
    IOptions<IngestOptions> options,
    ILogger<IngestHealthServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The bound address(es), with the real port when the setting asked for port 0.</summary>
    public IReadOnlyList<string> Urls => _app is null ? [] : [.. _app.Urls];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.HealthUrl))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Value.HealthUrl);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<HealthCheckService>());
        builder.Services.AddSingleton(services.GetRequiredService<IDeadLetterStore>());
        var app = builder.Build();
        app.MapIngestHealth();
        app.MapDeadLetterApi();
        await app.StartAsync(cancellationToken);
        _app = app;
        LogListening(logger, string.Join(", ", app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ingest health and admin endpoints on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);
}
