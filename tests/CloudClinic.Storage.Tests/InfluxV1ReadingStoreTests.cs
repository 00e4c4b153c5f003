using System.Diagnostics;
using CloudClinic.Storage.Influx;
using CloudClinic.Testing;

namespace CloudClinic.Storage.Tests;

/// <summary>InfluxDB specifics: schema, status mapping, a database that is down, hung or refuses.</summary>
public sealed class InfluxV1ReadingStoreTests : IClassFixture<InfluxFixture>, IDisposable
{
    private readonly InfluxdProcess _influxd;
    private readonly InfluxOptions _options;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly InfluxV1ReadingStore _store;

    public InfluxV1ReadingStoreTests(InfluxFixture fixture)
    {
        _influxd = fixture.Influxd;
        _options = InfluxFixture.NewDatabase(_influxd.Url);
        _store = new InfluxV1ReadingStore(_http, _options);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task EnsureCreatedAsync_NewDatabase_IsCreated()
    {
        await _store.EnsureCreatedAsync(CancellationToken.None);

        var rows = await InfluxRaw.RowsAsync(_influxd.Url, _options.Database, "SHOW DATABASES");
        Assert.Contains(rows, r => r[0].GetString() == _options.Database);
    }

    [Fact]
    public async Task WriteAsync_Readings_LandOnDesignSchemaAtMeasuredAtMs()
    {
        var bp = SampleReadings.BloodPressure("bp-1", patientId: null);
        var glucose = SampleReadings.Glucose("glu-1");

        await _store.WriteAsync([bp, glucose], CancellationToken.None);

        var bpTags = await InfluxRaw.RowsAsync(_influxd.Url, _options.Database, "SHOW TAG KEYS FROM blood_pressure");
        Assert.Equal(["clinic", "device_model", "gateway", "patient", "station"], bpTags.Select(r => r[0].GetString()));
        var glucoseTags = await InfluxRaw.RowsAsync(_influxd.Url, _options.Database, "SHOW TAG KEYS FROM glucose");
        Assert.Contains(glucoseTags, r => r[0].GetString() == "meal");
        var point = Assert.Single(await InfluxRaw.RowsAsync(_influxd.Url, _options.Database, "SELECT time, patient, systolic, reading_id FROM blood_pressure"));
        Assert.Equal(bp.MeasuredAt.ToUnixTimeMilliseconds(), point[0].GetInt64());
        Assert.Equal("unassigned", point[1].GetString());
        Assert.Equal(182, point[2].GetDouble());
        Assert.Equal("bp-1", point[3].GetString());
    }

    [Fact]
    public async Task WriteAsync_FieldTypeConflict_ThrowsRejectedWithInfluxError()
    {
        // Field types are fixed per shard in InfluxDB 1.x: put the string in the same week as the reading.
        await _store.EnsureCreatedAsync(CancellationToken.None);
        var sameShard = SampleReadings.BaseTime.AddMinutes(-1).ToUnixTimeMilliseconds();
        Assert.Equal(204, await InfluxRaw.WriteAsync(_influxd.Url, _options.Database, $"blood_pressure,clinic=x systolic=\"high\" {sameShard}"));

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => _store.WriteAsync([SampleReadings.BloodPressure("bp-1")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Rejected, ex.Kind);
        Assert.Contains("field type conflict", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_DatabaseDropped_TransientThenCreatedAgain()
    {
        await _store.WriteAsync([SampleReadings.BloodPressure("bp-1")], CancellationToken.None);
        await InfluxRaw.QueryAsync(_influxd.Url, _options.Database, $"DROP DATABASE \"{_options.Database}\"", post: true);

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => _store.WriteAsync([SampleReadings.BloodPressure("bp-2")], CancellationToken.None));
        await _store.WriteAsync([SampleReadings.BloodPressure("bp-2")], CancellationToken.None);

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Equal("bp-2", Assert.Single(await _store.LatestAsync("clinic-a", 5, CancellationToken.None)).ReadingId);
    }

    [Fact]
    public async Task LatestAsync_PointWrittenByAnotherTool_IsSkipped()
    {
        await _store.WriteAsync([SampleReadings.BloodPressure("bp-1")], CancellationToken.None);
        Assert.Equal(204, await InfluxRaw.WriteAsync(_influxd.Url, _options.Database, "blood_pressure,clinic=clinic-a systolic=120 2000000000000"));

        var latest = await _store.LatestAsync("clinic-a", 5, CancellationToken.None);

        Assert.Equal("bp-1", Assert.Single(latest).ReadingId);
    }

    [Fact]
    public async Task WriteAsync_BodyOverMaxBodySize_ThrowsTooLarge()
    {
        await using var small = await InfluxdProcess.StartAsync(httpConfig: "max-body-size = 2000");
        var store = new InfluxV1ReadingStore(_http, InfluxFixture.NewDatabase(small.Url));
        var readings = Enumerable.Range(0, 20).Select(i => SampleReadings.BloodPressure($"r{i}", measuredAt: SampleReadings.BaseTime.AddSeconds(i))).ToList();

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync(readings, CancellationToken.None));
        await store.WriteAsync(readings[..2], CancellationToken.None);

        Assert.Equal(ReadingStoreFailure.TooLarge, ex.Kind);
    }

    [Fact]
    public async Task WriteAsync_InfluxdStopped_ThrowsTransientAndWorksAfterRestart()
    {
        await using var own = await InfluxdProcess.StartAsync();
        var store = new InfluxV1ReadingStore(_http, InfluxFixture.NewDatabase(own.Url));
        await store.WriteAsync([SampleReadings.BloodPressure("before")], CancellationToken.None);
        await own.StopAsync();

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.Glucose("during")], CancellationToken.None));
        await own.StartAsync();
        await store.WriteAsync([SampleReadings.Glucose("after", measuredAt: SampleReadings.BaseTime.AddMinutes(1))], CancellationToken.None);

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Equal(["after", "before"], (await store.LatestAsync("clinic-a", 5, CancellationToken.None)).Select(r => r.ReadingId));
    }

    [Fact]
    public async Task WriteAsync_InfluxdPaused_ThrowsTransientAfterTimeout()
    {
        await using var own = await InfluxdProcess.StartAsync();
        // 2 s, not less: CREATE DATABASE on a fresh influxd must fit in it on a loaded 2-core CI machine.
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var store = new InfluxV1ReadingStore(impatient, InfluxFixture.NewDatabase(own.Url));
        await store.EnsureCreatedAsync(CancellationToken.None);
        own.Pause();
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("hung")], CancellationToken.None));
        own.Resume();

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Contains("did not answer", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WriteAsync_NothingListening_ThrowsTransient()
    {
        var store = new InfluxV1ReadingStore(_http, new InfluxOptions { Url = $"http://127.0.0.1:{FreeTcpPort.Next()}" });

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("x")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
    }
}
