using CloudClinic.Contracts;
using CloudClinic.Storage.Influx;
using CloudClinic.Testing;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// The v2 dialect writer (InfluxDB.Client <c>WriteApiAsync</c>) against <see cref="InfluxV2LoopbackDouble"/> — no
/// InfluxDB 2.x runs here — and its InfluxQL reads against the real influxd 1.6.7 (bucket name = database name).
/// </summary>
public sealed class InfluxV2ReadingStoreTests(InfluxFixture influx) : IClassFixture<InfluxFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private InfluxV2LoopbackDouble _double = null!;

    public Task InitializeAsync()
    {
        _double = InfluxV2LoopbackDouble.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _double.DisposeAsync();
    }

    [Fact]
    public async Task WriteAsync_TwoReadings_PostsLineProtocolWithTokenOrgBucketAndMsPrecision()
    {
        using var store = Store();

        await store.WriteAsync([SampleReadings.BloodPressure("r-1"), SampleReadings.Glucose("g-1")], CancellationToken.None);

        Assert.Equal(2, _double.Lines.Count);
        Assert.StartsWith("blood_pressure,clinic=clinic-a,", _double.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith($" {SampleReadings.BaseTime.ToUnixTimeMilliseconds()}", _double.Lines[0], StringComparison.Ordinal);
        var query = Assert.Single(_double.WriteQueries);
        Assert.Contains("org=clinic-org", query, StringComparison.Ordinal);
        Assert.Contains("bucket=readings", query, StringComparison.Ordinal);
        Assert.Contains("precision=ms", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(413, ReadingStoreFailure.TooLarge)]
    [InlineData(400, ReadingStoreFailure.Rejected)]
    [InlineData(422, ReadingStoreFailure.Rejected)]
    [InlineData(503, ReadingStoreFailure.Transient)]
    [InlineData(500, ReadingStoreFailure.Transient)]
    public async Task WriteAsync_ErrorStatus_MapsToFailureKindWithServerMessage(int status, ReadingStoreFailure kind)
    {
        using var store = Store();
        _double.Enqueue(new InfluxV2WriteAnswer(status, $"scripted {status}"));

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("r-1")], CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
        Assert.Contains($"scripted {status}", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_double.Lines);
    }

    [Fact]
    public async Task WriteAsync_429WithRetryAfter_TransientCarryingTheDelay()
    {
        using var store = Store();
        _double.Enqueue(InfluxV2WriteAnswer.TooManyRequests(retryAfterSeconds: 7));

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("r-1")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public async Task WriteAsync_WrongToken_TransientNotRejected_SoNothingIsDeadLettered()
    {
        using var store = Store(token: "wrong");

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("r-1")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCreatedAsync_BucketMissing_TransientNamingTheBucket()
    {
        using var store = Store(bucket: "nope");

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.EnsureCreatedAsync(CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
        Assert.Contains("bucket 'nope' not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ServerGone_Transient()
    {
        using var store = Store();
        await _double.DisposeAsync();

        var ex = await Assert.ThrowsAsync<ReadingStoreException>(() => store.WriteAsync([SampleReadings.BloodPressure("r-1")], CancellationToken.None));

        Assert.Equal(ReadingStoreFailure.Transient, ex.Kind);
    }

    [Fact]
    public async Task ProbeAsync_UpThenGone_NullThenReason()
    {
        using var store = Store();

        var up = await store.ProbeAsync(CancellationToken.None);
        await _double.DisposeAsync();
        var down = await store.ProbeAsync(CancellationToken.None);

        Assert.Null(up);
        Assert.Contains("/ping", down, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForPatientAsync_InfluxQlOverQueryWithToken_ReadsWhatV1Wrote()
    {
        // influxd 1.6 ignores the token (auth off) and takes the bucket as the database, as a 2.x DBRP mapping would.
        var v1 = InfluxFixture.NewDatabase(influx.Influxd.Url);
        await new InfluxV1ReadingStore(_http, v1).WriteAsync([SampleReadings.BloodPressure("r-1", patientId: "p,\"x\" y")], CancellationToken.None);
        using var store = new InfluxV2ReadingStore(_http, new InfluxOptions
        {
            Url = influx.Influxd.Url.ToString(),
            Dialect = InfluxOptions.DialectV2,
            Org = "clinic-org",
            Bucket = v1.Database,
            Token = "ignored-by-1.6",
        });

        var readings = await store.ForPatientAsync("p,\"x\" y", SampleReadings.BaseTime.AddHours(-1), SampleReadings.BaseTime.AddHours(1), CancellationToken.None);

        Assert.Equal("r-1", Assert.Single(readings).ReadingId);
    }

    [Fact]
    public async Task DailyReads_InfluxQlOverQueryWithToken_AggregateWhatV1Wrote()
    {
        var v1 = InfluxFixture.NewDatabase(influx.Influxd.Url);
        var late = new DateTimeOffset(2025, 3, 1, 23, 59, 0, TimeSpan.FromHours(8));
        await new InfluxV1ReadingStore(_http, v1).WriteAsync(
            [SampleReadings.BloodPressure("bp-1", measuredAt: late), SampleReadings.Glucose("glu-1", measuredAt: late.AddMinutes(1))],
            CancellationToken.None);
        using var store = new InfluxV2ReadingStore(_http, new InfluxOptions
        {
            Url = influx.Influxd.Url.ToString(),
            Dialect = InfluxOptions.DialectV2,
            Org = "clinic-org",
            Bucket = v1.Database,
            Token = "ignored-by-1.6",
        });
        var days = new LocalDayRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2), TimeSpan.FromHours(8));

        var bp = Assert.Single(await store.DailyBloodPressureAsync("p-001", days, CancellationToken.None));
        var glucose = Assert.Single(await store.DailyGlucoseAsync("p-001", days, CancellationToken.None));
        var counts = await store.DailyCountsAsync("clinic-a", days, CancellationToken.None);
        var latest = Assert.Single(await store.LatestPerPatientAsync("clinic-a", CancellationToken.None));

        Assert.Equal((new DateOnly(2025, 3, 1), 1, 182.0), (bp.Day, bp.Count, bp.MeanSystolicMmHg));
        Assert.Equal((new DateOnly(2025, 3, 2), MealContexts.Postprandial), (glucose.Day, glucose.Meal));
        Assert.Equal([new ClinicDayCount(new DateOnly(2025, 3, 1), 1, 0), new ClinicDayCount(new DateOnly(2025, 3, 2), 0, 1)], counts);
        Assert.Equal(("bp-1", "glu-1"), (latest.BloodPressure?.ReadingId, latest.Glucose?.ReadingId));
    }

    private InfluxV2ReadingStore Store(string? token = null, string? bucket = null) => new(_http, new InfluxOptions
    {
        Url = _double.Url.ToString(),
        Dialect = InfluxOptions.DialectV2,
        Org = _double.Org,
        Bucket = bucket ?? _double.Bucket,
        Token = token ?? _double.Token,
        Timeout = TimeSpan.FromSeconds(5),
    });
}
