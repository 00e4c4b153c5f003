using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CloudClinic.Edge.Gateway.Acquisition;
using CloudClinic.Edge.Gateway.LocalPage;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>The local page (Kestrel on 127.0.0.1) in a real gateway host: the page, its module and /status.json.</summary>
public sealed class LocalPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-page-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private InProcessMqttBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessMqttBroker.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task StatusJson_BudgetReachedWhileOffline_ShowsAlarmRefusedBacklogAndUse()
    {
        await _broker.StopAsync();
        using var host = Build(new()
        {
            ["Edge:OutboxBudgetBytes"] = "65536",
            ["Edge:Stations:0:Name"] = "sim-1",
            ["Edge:Stations:0:Link"] = "simulated",
            ["Edge:Stations:0:SimulatedIntervalSeconds"] = "0.005",
        });
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<AcquisitionCounters>();
        await Eventually.WaitAsync(() => counters.RefusedCount >= 5, h => counters.Changed += h, h => counters.Changed -= h, Timeout, () => $"refused {counters.RefusedCount}");

        using var status = JsonDocument.Parse(await _http.GetStringAsync(new Uri(PageUrl(host), "/status.json")));
        var root = status.RootElement;
        var stored = host.Services.GetRequiredService<OutboxStore>().Count;
        Assert.StartsWith("outbox full: ", root.GetProperty("alarm").GetString(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("alarm").GetString(), root.GetProperty("lastError").GetString());
        Assert.True(root.GetProperty("refusedReadings").GetInt64() >= 5);
        Assert.InRange(root.GetProperty("backlog").GetInt64(), 1, stored);
        Assert.Equal(65536, root.GetProperty("outboxBudgetBytes").GetInt64());
        Assert.InRange(root.GetProperty("outboxUsedBytes").GetInt64(), 1, 65536);
        Assert.False(root.GetProperty("uplinkConnected").GetBoolean());
        var station = Assert.Single(root.GetProperty("stations").EnumerateArray());
        Assert.Equal("sim-1", station.GetProperty("station").GetString());
        await host.StopAsync();
    }

    [Fact]
    public async Task Page_Served_ChineseByDefaultWithItsModule()
    {
        using var host = Build([]);
        await host.StartAsync();
        var url = PageUrl(host);

        using var page = await _http.GetAsync(url);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/app.js\">", html, StringComparison.Ordinal);
        using var module = await _http.GetAsync(new Uri(url, "/app.js"));
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        var script = await module.Content.ReadAsStringAsync();
        Assert.Contains("textContent", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        using var missing = await _http.GetAsync(new Uri(url, "/appsettings.json"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://example.com:8080")]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("http://127.0.0.1")]
    public async Task Start_BadUrl_FailsNamingTheKey(string url)
    {
        using var host = Build(new() { ["Edge:LocalPage:Url"] = url });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Edge:LocalPage:Url", error.Message, StringComparison.Ordinal);
    }

    private static Uri PageUrl(IHost host) =>
        host.Services.GetRequiredService<LocalPageServer>().BoundUrl ?? throw new InvalidOperationException("the page is not listening");

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = _broker.Url,
            ["Mqtt:ReconnectMinSeconds"] = "0.1",
            ["Mqtt:ReconnectMaxSeconds"] = "0.5",
            ["Edge:ClinicId"] = GatewayUnderTest.ClinicId,
            ["Edge:GatewayId"] = GatewayUnderTest.GatewayId,
            ["Edge:OutboxPath"] = Path.Combine(_directory, $"outbox-{Guid.NewGuid():N}.db"),
            ["Edge:LocalPage:Url"] = "http://127.0.0.1:0",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new QueueLoggerProvider(new ConcurrentQueue<string>()));
        builder.AddEdgeGateway();
        builder.AddEdgeLocalPage();
        return builder.Build();
    }
}
