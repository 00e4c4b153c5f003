using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// The ingest's resilience pipeline per InfluxDB answer (DESIGN.md §4) with the v2 dialect, against
/// <see cref="InfluxV2LoopbackDouble"/>: 413 → split, 400 → dead-letter that reading and ack, 429 → wait the
/// Retry-After, 503 → back off and retry; never an acknowledgement before the write was answered 204.
/// </summary>
public sealed class InfluxV2PipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
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
            ["Ingest:MaxRetryDelay"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _broker.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task Answer413_BatchSplitInHalves_AllReadingsStoredOnce()
    {
        _influx.Enqueue(InfluxV2WriteAnswer.TooLarge);

        await _ingest.PublishAsync(Topics.Readings("clinic-a", "gw-1"), ReadingPayload.Serialize(Batch("split", 4)));
        await _broker.WaitForAcksAsync(1, Timeout);

        Assert.Equal(4, _influx.Lines.Count);
        Assert.Equal(4, _influx.Lines.Select(l => l.Split(' ')[^1]).Distinct().Count());
        Assert.Equal(3, _influx.WriteRequests); // 4 refused as too large, then 2 + 2
        Assert.Contains(_ingest.Log.Lines, l => l.Contains("Splitting a batch of 4 readings after the store answered TooLarge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer400ForOneReading_OthersStored_ThatOneDeadLetteredWithInfluxMessage_Acked()
    {
        _influx.RejectLinesContaining("reading_id=\"bad-2\"");

        await _ingest.PublishAsync(Topics.Readings("clinic-a", "gw-1"), ReadingPayload.Serialize(Batch("bad", 4)));
        await _broker.WaitForAcksAsync(1, Timeout);

        Assert.Equal(3, _influx.Lines.Count);
        var deadLetter = Assert.Single(await _ingest.DeadLetters.ListAsync(10, CancellationToken.None));
        Assert.Contains("reading 'bad-2' refused by the store", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Contains("field type conflict", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _ingest.Counters[IngestMetrics.DeadLettered]);
    }

    [Fact]
    public async Task Answer429WithRetryAfter_RetriesAfterThatDelay_NoAckBeforeStored()
    {
        _influx.Enqueue(InfluxV2WriteAnswer.TooManyRequests(retryAfterSeconds: 1));

        await _ingest.PublishAsync(Readings.BloodPressure("slow-down"));
        await _ingest.Log.WaitForAsync("Ingest retrying", Timeout);
        var acksWhileThrottled = _broker.Acks;
        await _broker.WaitForAcksAsync(1, Timeout);

        Assert.Equal(0, acksWhileThrottled);
        Assert.Contains(_ingest.Log.Lines, l => l.Contains("Ingest retrying (attempt 1) in 00:00:01: InfluxDB write of 1 points answered 429", StringComparison.Ordinal));
        Assert.Single(_influx.Lines);
    }

    [Fact]
    public async Task Answer503Twice_BacksOffAndRetries_StoredOnceThenAcked()
    {
        _influx.Enqueue(InfluxV2WriteAnswer.Unavailable, InfluxV2WriteAnswer.Unavailable);

        await _ingest.PublishAsync(Readings.Glucose("busy"));
        await _broker.WaitForAcksAsync(1, Timeout);

        Assert.Equal(2, _ingest.Log.Count("answered 503"));
        Assert.Equal(3, _influx.WriteRequests);
        Assert.Single(_influx.Lines);
        Assert.Equal(0, _ingest.Counters[IngestMetrics.DeadLettered]);
    }

    private static ReadingMessage[] Batch(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
            Readings.BloodPressure($"{prefix}-{i}") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-i) })];
}
