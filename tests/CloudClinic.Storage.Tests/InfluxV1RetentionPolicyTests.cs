using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

/// <summary>Influx:RetentionPolicy against the real influxd 1.6.7: created as the default, used by writes and reads, never altered.</summary>
public sealed class InfluxV1RetentionPolicyTests(InfluxFixture fixture) : IClassFixture<InfluxFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task EnsureCreatedAsync_RetentionPolicyConfigured_IsCreatedAsDefault()
    {
        var options = WithPolicy("keep", "520w");

        await new InfluxV1ReadingStore(_http, options).EnsureCreatedAsync(CancellationToken.None);

        var policy = await PolicyAsync(options.Database, "keep");
        Assert.Equal("87360h0m0s", policy[1].GetString());
        Assert.True(policy[4].GetBoolean());
    }

    [Fact]
    public async Task WriteAsync_RetentionPolicyConfigured_ReadingsLandInItAndReadBack()
    {
        var options = WithPolicy("keep", "INF");
        var store = new InfluxV1ReadingStore(_http, options);
        var reading = SampleReadings.BloodPressure("rp-1");

        await store.WriteAsync([reading], CancellationToken.None);

        var rows = await InfluxRaw.RowsAsync(fixture.Influxd.Url, options.Database, $"SELECT count(systolic) FROM \"{options.Database}\".\"keep\".\"blood_pressure\"");
        Assert.Equal(1, rows.Single()[1].GetInt32());
        var history = await store.ForPatientAsync("p-001", reading.MeasuredAt.AddMinutes(-1), reading.MeasuredAt.AddMinutes(1), CancellationToken.None);
        Assert.Equal("rp-1", Assert.Single(history).ReadingId);
    }

    [Fact]
    public async Task EnsureCreatedAsync_PolicyExistsWithOtherDuration_IsKeptUnchanged()
    {
        var options = WithPolicy("keep", "520w");
        await new InfluxV1ReadingStore(_http, options).EnsureCreatedAsync(CancellationToken.None);

        // A restart with a shorter duration configured must not shorten it: that would delete readings.
        await new InfluxV1ReadingStore(_http, WithPolicy("keep", "1w", options.Database)).EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal("87360h0m0s", (await PolicyAsync(options.Database, "keep"))[1].GetString());
    }

    [Fact]
    public async Task WriteAsync_ReadingOlderThanThePolicy_IsRejectedWithInfluxReason()
    {
        var options = WithPolicy("day", "24h");
        var store = new InfluxV1ReadingStore(_http, options);
        // SampleReadings are from 2025: far outside a 24 h policy, so InfluxDB drops the point and says so.
        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("old-1")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Rejected, ex.Kind);
        Assert.Contains("beyond retention policy", ex.Message, StringComparison.Ordinal);
    }

    private InfluxOptions WithPolicy(string policy, string duration, string? database = null)
    {
        var options = InfluxFixture.NewDatabase(fixture.Influxd.Url);
        options.Database = database ?? options.Database;
        options.RetentionPolicy = policy;
        options.RetentionDuration = duration;
        return options;
    }

    /// <summary>The SHOW RETENTION POLICIES row: name, duration, shardGroupDuration, replicaN, default.</summary>
    private async Task<List<System.Text.Json.JsonElement>> PolicyAsync(string database, string name)
    {
        var rows = await InfluxRaw.RowsAsync(fixture.Influxd.Url, database, $"SHOW RETENTION POLICIES ON \"{database}\"");
        return [.. rows.Single(r => r[0].GetString() == name).EnumerateArray()];
    }
}
