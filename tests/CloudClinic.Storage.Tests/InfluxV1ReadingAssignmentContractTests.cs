using CloudClinic.Contracts;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class InfluxV1ReadingAssignmentContractTests : ReadingAssignmentContractTests, IClassFixture<InfluxFixture>, IDisposable
{
    private static readonly DateTimeOffset T = SampleReadings.BaseTime;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly InfluxOptions _options;
    private readonly Uri _url;

    public InfluxV1ReadingAssignmentContractTests(InfluxFixture fixture)
    {
        _url = fixture.Influxd.Url;
        _options = InfluxFixture.NewDatabase(_url);
        Store = new InfluxV1ReadingStore(_http, _options);
    }

    protected override IReadingStore Store { get; }

    [Fact]
    public async Task AssignAsync_CrashAfterWriteBeforeDelete_NextCallRemovesTheLeftoverAndReportsAssigned()
    {
        // The state a crash between the two steps leaves: the patient's point written, the unassigned one not deleted.
        var reading = SampleReadings.Glucose("half-done", patientId: null);
        await Store.WriteAsync([reading, reading with { PatientId = "p-003" }], Ct);
        Assert.Equal(2, await PointCountAsync("half-done"));

        var repaired = await Store.AssignAsync("clinic-a", "half-done", "p-003", Ct);
        var again = await Store.AssignAsync("clinic-a", "half-done", "p-003", Ct);

        Assert.Equal(ReadingAssignmentOutcome.Assigned, repaired.Outcome);
        Assert.Equal(ReadingAssignmentOutcome.AlreadyAssigned, again.Outcome);
        Assert.Equal(1, await PointCountAsync("half-done"));
        Assert.Single(await Store.ForPatientAsync("p-003", T.AddDays(-1), T.AddDays(1), Ct));
        Assert.Empty(await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task AssignAsync_HalfDoneForAnotherPatient_RefusedAndBothPointsKept()
    {
        var reading = SampleReadings.BloodPressure("contested", patientId: null);
        await Store.WriteAsync([reading, reading with { PatientId = "p-first" }], Ct);

        var result = await Store.AssignAsync("clinic-a", "contested", "p-second", Ct);

        Assert.Equal(ReadingAssignmentOutcome.AssignedToOther, result.Outcome);
        Assert.Equal("p-first", result.Reading!.PatientId);
        Assert.Equal(2, await PointCountAsync("contested"));
    }

    [Fact]
    public async Task AssignAsync_UnassignedTwinOnAnotherStationSameMillisecond_TwinKept()
    {
        // DELETE names every tag: a second unassigned reading at the same time on another station must survive.
        var reading = SampleReadings.BloodPressure("bp-a", patientId: null);
        await Store.WriteAsync([reading, reading with { ReadingId = "bp-b", Station = "bp-2" }, reading with { ReadingId = "bp-c", Station = null }], Ct);

        await Store.AssignAsync("clinic-a", "bp-a", "p-001", Ct);

        var left = await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 10, Ct);
        Assert.Equal(["bp-b", "bp-c"], left.Select(r => r.ReadingId).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _http.Dispose();

    private async Task<int> PointCountAsync(string readingId)
    {
        var root = await InfluxRaw.QueryAsync(_url, _options.Database, $"SELECT * FROM \"blood_pressure\", \"glucose\" WHERE \"reading_id\" = '{readingId}'");
        var result = root.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series)
            ? series.EnumerateArray().Sum(s => s.GetProperty("values").GetArrayLength())
            : 0;
    }
}
