using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// A small Kestrel server of its own inside whatever host runs the gateway (the Edge host is a plain generic host;
/// the dashboard's demo already has a web server on another port): the embedded static page plus the endpoints of
/// every <see cref="ILocalPageFeature"/>. Built on the empty builder with Kestrel core and routing only, which keeps
/// the Pi's memory and the trimmed/NativeAOT build small.
/// </summary>
internal sealed partial class LocalPageServer(
    IOptions<LocalPageOptions> options,
    IEnumerable<ILocalPageFeature> features,
    EmbeddedAssets assets,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<LocalPageServer>();
    private WebApplication? _app;

    /// <summary>The address Kestrel bound (the real port when configured with port 0); null before start.</summary>
    public Uri? BoundUrl { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(_logger);
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(settings.Url);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var app = builder.Build();
        app.UseRouting();
        MapAssets(app);
        foreach (var feature in features)
        {
            feature.Map(app);
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // The page is a window on the gateway, not part of the data path: a taken port must not stop the
            // readings. Kestrel reports a failed bind as IOException ("address already in use").
            LogBindFailed(_logger, ex, settings.Url);
            await app.DisposeAsync();
            return;
        }

        _app = app;
        BoundUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        LogListening(_logger, BoundUrl);
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

    private void MapAssets(WebApplication app)
    {
        app.MapGet("/", () => Asset("/index.html"));
        foreach (var path in assets.Paths)
        {
            app.MapGet(path, () => Asset(path));
        }
    }

    private IResult Asset(string path) =>
        assets.TryGet(path, out var content, out var contentType)
            ? TypedResults.Bytes(content, contentType)
            : TypedResults.NotFound();

    [LoggerMessage(Level = LogLevel.Information, Message = "Local page on {Url} (Edge:LocalPage:Url)")]
    private static partial void LogListening(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local page could not listen on {Url} (Edge:LocalPage:Url); the gateway runs on without it")]
    private static partial void LogBindFailed(ILogger logger, Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local page disabled (Edge:LocalPage:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);
}
