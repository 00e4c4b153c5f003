using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// The v2 dialect lists unassigned readings (InfluxQL over /query, against the real influxd 1.6.7 with bucket name =
/// database name) but cannot re-key them: it says so instead of half-doing it.
/// </summary>
public sealed class InfluxV2ReadingAssignmentTests(InfluxFixture influx) : IClassFixture<InfluxFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task UnassignedAsync_WhatV1Wrote_ListedAndAssignAsyncNotSupported()
    {
        var v1 = InfluxFixture.NewDatabase(influx.Influxd.Url);
        await new InfluxV1ReadingStore(_http, v1).WriteAsync(
            [SampleReadings.BloodPressure("u-1", patientId: null), SampleReadings.Glucose("p-1")], CancellationToken.None);
        using var store = new InfluxV2ReadingStore(_http, new InfluxOptions
        {
            Url = influx.Influxd.Url.ToString(),
            Dialect = InfluxOptions.DialectV2,
            Org = "clinic-org",
            Bucket = v1.Database,
            Token = "ignored-by-1.6",
        });
        var t = SampleReadings.BaseTime;

        var unassigned = await store.UnassignedAsync("clinic-a", t.AddDays(-1), t.AddDays(1), 10, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => store.AssignAsync("clinic-a", "u-1", "p-001", CancellationToken.None));

        Assert.Equal("u-1", Assert.Single(unassigned).ReadingId);
        Assert.Contains("Influx:Dialect=v2", refused.Message, StringComparison.Ordinal);
        Assert.Single(await store.UnassignedAsync("clinic-a", t.AddDays(-1), t.AddDays(1), 10, CancellationToken.None));
    }

    public void Dispose() => _http.Dispose();
}
