using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary>The ingest over the in-process broker into a real influxd that goes away and comes back.</summary>
public sealed class MqttIngestWorkerInfluxTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private const string Database = "ingest_test";
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
            ["Influx:Database"] = Database,
            ["Influx:Timeout"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _broker.DisposeAsync();
        await _influxd.DisposeAsync();
    }

    [Fact]
    public async Task ValidReadings_LandInInfluxThenAcknowledged()
    {
        await _ingest.PublishAsync(Readings.BloodPressure("r-1"));
        await _ingest.PublishAsync(Readings.Glucose("g-1"));
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(2, Timeout));

        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "blood_pressure"));
        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }

    [Fact]
    public async Task InfluxdPaused_NothingAcknowledged_ThenLandsExactlyOnceAfterResume()
    {
        await _ingest.PublishAsync(Readings.BloodPressure("before"));
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(1, Timeout));
        _influxd.Pause();

        await _ingest.PublishAsync(Readings.BloodPressure("during") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-3) });
        await _ingest.Log.WaitForAsync("Ingest retrying", Timeout, count: 2);
        var acksWhileHung = _broker.Acks;
        _influxd.Resume();
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(2, Timeout));

        Assert.Equal(1, acksWhileHung);
        Assert.Equal(2, await InfluxCount.PointsAsync(_influxd, Database, "blood_pressure"));
    }

    [Fact]
    public async Task InfluxdStopped_NothingAcknowledged_ThenLandsExactlyOnceAfterRestart()
    {
        await _ingest.PublishAsync(Readings.Glucose("before"));
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(1, Timeout));
        await _influxd.StopAsync();

        await _ingest.PublishAsync(Readings.Glucose("during", mmolL: 4.4) with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-5) });
        await _ingest.Log.WaitForAsync("Ingest retrying", Timeout, count: 2);
        var acksWhileDown = _broker.Acks;
        await _influxd.StartAsync();
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(2, Timeout));

        Assert.Equal(1, acksWhileDown);
        Assert.Equal(2, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }
    [Fact]
    public async Task InfluxdDown_CircuitOpensAndRetriesWaitItOut_ClosesAfterRestart_StoredOnce()
    {
        await _influxd.StopAsync();

        await _ingest.PublishAsync(Readings.Glucose("breaker", mmolL: 5.2) with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-6) });
        await _ingest.Log.WaitForAsync("Ingest circuit opened", Timeout);
        await _ingest.Log.WaitForAsync("The circuit is now open", Timeout);
        var acksWhileOpen = _broker.Acks;
        await _influxd.StartAsync();
        await _ingest.Log.WaitForAsync("Ingest circuit closed", Timeout);
        await _ingest.Log.ExplainTimeoutAsync(_broker.WaitForAcksAsync(1, Timeout));

        Assert.Equal(0, acksWhileOpen);
        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }
}
