using CloudClinic.Contracts;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>The ingest dies after receiving a reading and before InfluxDB stored it: the reading must still land, once.</summary>
public sealed class IngestCrashTests : IAsyncLifetime
{
    private CloudStack _stack = null!;

    public async Task InitializeAsync() => _stack = await CloudStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task KillNine_BetweenReceiveAndWrite_ReadingLandsExactlyOnce()
    {
        var readingId = CloudStack.Id("crash");
        var ingest = await _stack.StartIngestAsync();
        await using var gateway = await _stack.ProbeAsync("crash-gw");
        var payload = ReadingPayload.Serialize(TestReadings.BloodPressure(readingId, 150, 95));

        // influxd down: the ingest receives the reading and retries the write without acknowledging it.
        await _stack.Influxd.StopAsync();
        await gateway.PublishAsync(Topics.Readings(TestReadings.Clinic, TestReadings.Gateway), payload);
        await ingest.WaitForOutputAsync("Ingest retrying", TimeSpan.FromSeconds(30));

        await ingest.KillAsync(); // kill -9: received, not written, not acknowledged
        await _stack.Influxd.StartAsync();
        Assert.Empty(await InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", readingId));

        // A new ingest with the same client id resumes the persistent session; mosquitto re-sends the unacked message.
        await _stack.StartIngestAsync();
        var rows = await Poll.UntilAsync(
            () => InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", readingId),
            r => r.Count > 0, TimeSpan.FromSeconds(60), $"reading {readingId} in influxd after the restart");
        Assert.Single(rows);
        Assert.Equal(150, rows[0]["systolic"].GetDouble());

        // The gateway re-sends it too (its PUBACK could have been lost): still one point.
        var marker = CloudStack.Id("after");
        await gateway.PublishAsync(Topics.Readings(TestReadings.Clinic, TestReadings.Gateway), payload);
        await gateway.PublishAsync(Topics.Readings(TestReadings.Clinic, TestReadings.Gateway),
            ReadingPayload.Serialize(TestReadings.BloodPressure(marker, 120, 80)));
        await Poll.UntilAsync(
            () => InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", marker),
            r => r.Count > 0, TimeSpan.FromSeconds(30), "the marker reading behind the duplicate");
        Assert.Single(await InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", readingId));
    }
}
