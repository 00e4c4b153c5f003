using System.Net;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Ingestion.Health;
using CloudClinic.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Ingestion.Tests.Web;

/// <summary>
/// The ingest's own HTTP listener (<c>Ingest:HealthUrl</c>) against real mosquitto and influxd: <c>/healthz</c>
/// is the process, <c>/readyz</c> follows the broker connection and InfluxDB's <c>/ping</c>.
/// </summary>
public sealed class IngestHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private MosquittoProcess _mosquitto = null!;
    private InfluxdProcess _influxd = null!;
    private IngestHost _ingest = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoProcess.StartAsync();
        _influxd = await InfluxdProcess.StartAsync();
        _ingest = await IngestHost.StartAsync(_mosquitto.Url, new()
        {
            ["Ingest:HealthUrl"] = "http://127.0.0.1:0",
            ["Storage:Readings"] = "influx",
            ["Influx:Url"] = _influxd.Url.ToString(),
            ["Influx:Database"] = "ingest_health",
            ["Influx:Timeout"] = "00:00:02",
        });
        _base = new Uri(Assert.Single(_ingest.Services.GetRequiredService<IngestHealthServer>().Urls));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _ingest.DisposeAsync();
        await _influxd.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Fact]
    public async Task Readyz_BrokerAndInfluxUp_200WithBothChecksHealthy()
    {
        var (status, body) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("ingest-broker").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("ingest-readings").GetProperty("status").GetString());
        Assert.StartsWith("http://127.0.0.1:", _base.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_InfluxdHung_503NamingTheStore_HealthzStill200()
    {
        _influxd.Pause();
        var (ready, body) = await GetAsync("/readyz");
        var (live, _) = await GetAsync("/healthz");
        _influxd.Resume();
        var (readyAgain, _) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        var readings = body.GetProperty("checks").GetProperty("ingest-readings");
        Assert.Equal("Unhealthy", readings.GetProperty("status").GetString());
        Assert.Contains("did not answer", readings.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, readyAgain);
    }

    [Fact]
    public async Task Readyz_BrokerStopped_503NamingTheBroker_ReadyAgainAfterReconnect()
    {
        await _mosquitto.StopAsync();
        await _ingest.Log.WaitForAsync("Ingest disconnected", Timeout);
        var (down, body) = await GetAsync("/readyz");
        var (live, _) = await GetAsync("/healthz");
        await _mosquitto.StartAsync();
        await _ingest.Log.WaitForAsync("ingest subscribed", Timeout, count: 2);
        var (up, _) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        var broker = body.GetProperty("checks").GetProperty("ingest-broker");
        Assert.Equal("Unhealthy", broker.GetProperty("status").GetString());
        Assert.Contains(_mosquitto.Url, broker.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, up);
    }

    [Fact]
    public async Task DeadLetters_BadMessage_ListedWithReasonAndPayload()
    {
        await _ingest.PublishAsync(Topics.Readings("clinic-a", "gw-1"), "{\"schema\":"u8.ToArray());
        await _ingest.Counters.WaitForAsync(IngestMetrics.DeadLettered, 1, Timeout);

        var (status, body) = await GetAsync("/admin/dead-letters?limit=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Contains("malformed reading JSON", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"schema\":", item.GetProperty("payloadText").GetString());
        Assert.Equal("cloudclinic/v1/clinic-a/gw-1/readings", item.GetProperty("topic").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_base, path));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.Clone());
    }
}
