using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary>The ingest's histograms and in-flight gauge, read with a MeterListener while a real influxd stalls.</summary>
public sealed class IngestMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private InfluxdProcess _influxd = null!;
    private TestBroker _broker = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        _influxd = await InfluxdProcess.StartAsync();
        _broker = await TestBroker.StartAsync(IngestHost.ClientId);
        _ingest = await IngestHost.StartAsync(_broker.Url, new()
        {
            ["Storage:Readings"] = "influx",
            ["Influx:Url"] = _influxd.Url.ToString(),
            ["Influx:Database"] = "ingest_metrics",
            ["Influx:Timeout"] = "00:00:00.300",
        });
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _broker.DisposeAsync();
        await _influxd.DisposeAsync();
    }

    [Fact]
    public async Task InfluxdHung_InFlightCountsUnacknowledged_WriteDurationTagsFailures_ThenDrainsToZero()
    {
        await _ingest.PublishAsync(Readings.BloodPressure("m-0"));
        await _broker.WaitForAcksAsync(1, Timeout);
        _influxd.Pause();

        await _ingest.PublishAsync(Readings.BloodPressure("m-1") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-2) });
        await _ingest.Log.WaitForAsync("Ingest retrying", Timeout, count: 2);
        var inFlightWhileHung = _ingest.Counters[IngestMetrics.InFlight];
        _influxd.Resume();
        await _broker.WaitForAcksAsync(2, Timeout);
        await _ingest.Counters.WaitUntilAsync(IngestMetrics.InFlight, total => total == 0, Timeout);

        Assert.Equal(1, inFlightWhileHung);
        Assert.Equal(2, _ingest.Counters.Recordings(IngestMetrics.WriteDuration, "ok"));
        // Two retries were logged, but once the shared circuit breaker opens a retry needs no write: on a loaded
        // machine only the first hung write may have run. Every write that ran is tagged with its outcome.
        Assert.True(_ingest.Counters.Recordings(IngestMetrics.WriteDuration, "transient") >= 1);
        Assert.True(_ingest.Counters.Total(IngestMetrics.WriteDuration) > 0.3, "timed-out writes last at least Influx:Timeout");
    }

    [Fact]
    public async Task ManyMessages_BatchSizesSumToReceived_AndEveryBatchIsOneRecording()
    {
        for (var i = 0; i < 40; i++)
        {
            await _ingest.PublishAsync(Readings.Glucose($"b-{i}") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddSeconds(-i - 10) });
        }

        await _broker.WaitForAcksAsync(40, Timeout);
        await _ingest.Counters.WaitUntilAsync(IngestMetrics.InFlight, total => total == 0, Timeout);

        Assert.Equal(40, _ingest.Counters[IngestMetrics.Received]);
        Assert.Equal(40, _ingest.Counters[IngestMetrics.BatchSize]);
        Assert.InRange(_ingest.Counters.Recordings(IngestMetrics.BatchSize), 1, 40);
        Assert.Equal(_ingest.Counters.Recordings(IngestMetrics.BatchSize), _ingest.Counters.Recordings(IngestMetrics.WriteDuration, "ok"));
    }
}
