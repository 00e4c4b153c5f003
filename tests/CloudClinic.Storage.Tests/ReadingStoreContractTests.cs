using CloudClinic.Contracts;

namespace CloudClinic.Storage.Tests;

/// <summary>What every <see cref="IReadingStore"/> must do; run against real InfluxDB and real SQLite.</summary>
public abstract class ReadingStoreContractTests
{
    public static TheoryData<string> HostilePatientIds => new()
    {
        "a,b c=d",
        "quote'd \"double\"",
        "new\nline\r\n",
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "p'; DROP DATABASE x; --",
        "back\\slash\\",
        "100%25",
        "unassigned",
        "患者 七",
    };

    protected abstract IReadingStore Store { get; }

    /// <summary>A hung store fails the test instead of hanging the run.</summary>
    protected CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task WriteAsync_BloodPressureAndGlucose_ReadBackWithEveryField()
    {
        var bp = SampleReadings.BloodPressure("bp-1");
        var glucose = SampleReadings.Glucose("glu-1", measuredAt: SampleReadings.BaseTime.AddMinutes(1));

        await Store.WriteAsync([bp, glucose], Ct);
        var latest = await Store.LatestAsync("clinic-a", 10, Ct);

        Assert.Equal([SampleReadings.Json(glucose), SampleReadings.Json(bp)], latest.Select(SampleReadings.Json));
    }

    [Fact]
    public async Task WriteAsync_SameReadingTwice_KeepsOneReading()
    {
        var reading = SampleReadings.BloodPressure("bp-dup");

        await Store.WriteAsync([reading], Ct);
        await Store.WriteAsync([reading, reading], Ct);
        var latest = await Store.LatestAsync("clinic-a", 10, Ct);

        Assert.Single(latest);
    }

    [Theory]
    [MemberData(nameof(HostilePatientIds))]
    public async Task ForPatientAsync_HostilePatientId_RoundTripsAndMatchesOnlyItself(string patientId)
    {
        var hostile = SampleReadings.BloodPressure("r-hostile", patientId);
        var victim = SampleReadings.Glucose("r-victim", "p-victim");
        var unassigned = SampleReadings.Glucose("r-none", patientId: null, measuredAt: SampleReadings.BaseTime.AddSeconds(1));
        await Store.WriteAsync([hostile, victim, unassigned], Ct);

        var found = await Store.ForPatientAsync(patientId, SampleReadings.BaseTime.AddDays(-1), SampleReadings.BaseTime.AddDays(1), Ct);

        var reading = Assert.Single(found);
        Assert.Equal(patientId, reading.PatientId);
        Assert.Equal(SampleReadings.Json(hostile), SampleReadings.Json(reading));
    }

    [Fact]
    public async Task ForPatientAsync_Window_IsInclusiveOldestFirst()
    {
        var t = SampleReadings.BaseTime;
        await Store.WriteAsync(
        [
            SampleReadings.BloodPressure("before", measuredAt: t.AddMilliseconds(-1)),
            SampleReadings.BloodPressure("at-to", measuredAt: t.AddHours(1)),
            SampleReadings.Glucose("at-from", measuredAt: t),
            SampleReadings.BloodPressure("after", measuredAt: t.AddHours(1).AddMilliseconds(1)),
            SampleReadings.BloodPressure("other-patient", patientId: "p-002", measuredAt: t.AddMinutes(5)),
        ], Ct);

        var found = await Store.ForPatientAsync("p-001", t, t.AddHours(1), Ct);

        Assert.Equal(["at-from", "at-to"], found.Select(r => r.ReadingId));
    }

    [Fact]
    public async Task LatestAsync_ManyReadings_NewestFirstLimitedToClinic()
    {
        var t = SampleReadings.BaseTime;
        var readings = Enumerable.Range(0, 6)
            .Select(i => i % 2 == 0
                ? SampleReadings.BloodPressure($"r{i}", measuredAt: t.AddMinutes(i))
                : SampleReadings.Glucose($"r{i}", measuredAt: t.AddMinutes(i)))
            .Append(SampleReadings.BloodPressure("elsewhere", clinicId: "clinic-b", measuredAt: t.AddHours(1)))
            .ToList();
        await Store.WriteAsync(readings, Ct);

        var latest = await Store.LatestAsync("clinic-a", 3, Ct);

        Assert.Equal(["r5", "r4", "r3"], latest.Select(r => r.ReadingId));
    }

    [Fact]
    public async Task LatestAsync_UnassignedReading_HasNullPatient()
    {
        await Store.WriteAsync([SampleReadings.BloodPressure("unassigned-1", patientId: null)], Ct);

        var reading = Assert.Single(await Store.LatestAsync("clinic-a", 5, Ct));

        Assert.Null(reading.PatientId);
        Assert.Empty(await Store.ForPatientAsync("unassigned", SampleReadings.BaseTime.AddDays(-1), SampleReadings.BaseTime.AddDays(1), Ct));
    }

    [Fact]
    public async Task LatestAsync_NothingWritten_IsEmpty()
    {
        await Store.EnsureCreatedAsync(Ct);
        await Store.WriteAsync([], Ct);

        Assert.Empty(await Store.LatestAsync("clinic-a", 5, Ct));
    }
}
