using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary><c>Ingest:MaxPointsPerWrite</c> bounds each write in points, whatever the messages in a batch hold.</summary>
public sealed class IngestWriteChunkTests : IAsyncLifetime
{
    private InfluxV2LoopbackDouble _influx = null!;
    private TestBroker _broker = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        _influx = InfluxV2LoopbackDouble.Start();
        _broker = await TestBroker.StartAsync(IngestHost.ClientId);
        _ingest = await IngestHost.StartAsync(_broker.Url, new()
        {
            ["Storage:Readings"] = "influx",
            ["Influx:Dialect"] = "v2",
            ["Influx:Url"] = _influx.Url.ToString(),
            ["Influx:Org"] = _influx.Org,
            ["Influx:Bucket"] = _influx.Bucket,
            ["Influx:Token"] = _influx.Token,
            ["Ingest:MaxPointsPerWrite"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task ArrayOfTenReadings_MaxThreePointsPerWrite_FourWritesAllStoredThenOneAck()
    {
        ReadingMessage[] readings = [.. Enumerable.Range(1, 10).Select(i =>
            Readings.Glucose($"chunk-{i}") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-i) })];

        await _ingest.PublishAsync(Topics.Readings("clinic-a", "gw-1"), ReadingPayload.Serialize(readings));
        await _broker.WaitForAcksAsync(1, IngestHost.Timeout);

        Assert.Equal(4, _influx.WriteRequests);
        Assert.Equal(10, _influx.Lines.Count);
        Assert.Equal(10, _ingest.Counters[IngestMetrics.Stored]);
    }
}
