using CloudClinic.Contracts;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// The dashboard reads of every <see cref="IReadingStore"/> (per-day aggregates, latest per patient, clinic counts);
/// run against real InfluxDB and real SQLite. Days are Asia/Shanghai days (+08:00) unless a test says otherwise.
/// </summary>
public abstract class ReadingStoreDailyContractTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March2 = new(2025, 3, 2);

    public static TheoryData<string> HostileIds => ReadingStoreContractTests.HostilePatientIds;

    protected abstract IReadingStore Store { get; }

    protected CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task DailyBloodPressureAsync_ReadingsAroundLocalMidnight_GroupedByShanghaiDay()
    {
        await Store.WriteAsync(
        [
            Bp("before-window", At(28, 23, 59, month: 2), 200, 120),
            Bp("first-instant", At(1, 0, 0), 120, 80),
            Bp("morning", At(1, 8, 30), 150, 95),
            Bp("last-instant", new DateTimeOffset(2025, 3, 1, 23, 59, 59, 999, Shanghai), 141, 92),
            Bp("next-midnight", At(2, 0, 0), 130, 85),
            Bp("after-window", At(3, 0, 0), 210, 130),
            Bp("other-patient", At(1, 9, 0), 99, 60, patientId: "p-002"),
            Glu("glucose-same-patient", At(1, 9, 0), 6.1, MealContexts.Fasting),
        ], Ct);

        var days = await Store.DailyBloodPressureAsync("p-001", new LocalDayRange(March1, March2, Shanghai), Ct);

        Assert.Equal(
            [
                new DailyBloodPressure(March1, 3, (120 + 150 + 141) / 3.0, 120, 150, (80 + 95 + 92) / 3.0, 80, 95),
                new DailyBloodPressure(March2, 1, 130, 130, 130, 85, 85, 85),
            ],
            days.Select(Rounded));
    }

    [Fact]
    public async Task DailyBloodPressureAsync_UtcOffsetOfRange_DecidesTheDay()
    {
        // 2025-03-01 12:00 +08:00 is 04:00 UTC on 1 March: 28 February 23:00 at −05:00, outside the range there.
        // 2025-03-01 23:30 +08:00 is 15:30 UTC: 1 March in Shanghai, at UTC and at −05:00.
        // 2025-03-02 07:30 +08:00 is 23:30 UTC on 1 March: 2 March in Shanghai, 1 March at UTC and at −05:00.
        await Store.WriteAsync([Bp("noon", At(1, 12, 0), 130, 85), Bp("late", At(1, 23, 30), 140, 90), Bp("early", At(2, 7, 30), 120, 80)], Ct);

        var utc = await Store.DailyBloodPressureAsync("p-001", new LocalDayRange(March1, March2, TimeSpan.Zero), Ct);
        var newYork = await Store.DailyBloodPressureAsync("p-001", new LocalDayRange(March1, March2, TimeSpan.FromHours(-5)), Ct);

        Assert.Equal([(March1, 3)], utc.Select(d => (d.Day, d.Count)));
        Assert.Equal([(March1, 2)], newYork.Select(d => (d.Day, d.Count)));
    }

    [Fact]
    public async Task DailyGlucoseAsync_SeveralMeals_SplitByMealPerDay()
    {
        await Store.WriteAsync(
        [
            Glu("f1", At(1, 6, 0), 5.5, MealContexts.Fasting),
            Glu("f2", new DateTimeOffset(2025, 3, 1, 23, 59, 59, 999, Shanghai), 7.5, MealContexts.Fasting),
            Glu("pp", At(1, 13, 0), 9.25, MealContexts.Postprandial),
            Glu("no-meal", At(1, 15, 0), 6.0, meal: null),
            Glu("f3", At(2, 0, 0), 4.75, MealContexts.Fasting),
            Bp("bp-same-patient", At(1, 9, 0), 150, 90),
        ], Ct);

        var days = await Store.DailyGlucoseAsync("p-001", new LocalDayRange(March1, March2, Shanghai), Ct);

        Assert.Equal(
            [
                new DailyGlucose(March1, null, 1, 6.0, 6.0, 6.0),
                new DailyGlucose(March1, MealContexts.Fasting, 2, 6.5, 5.5, 7.5),
                new DailyGlucose(March1, MealContexts.Postprandial, 1, 9.25, 9.25, 9.25),
                new DailyGlucose(March2, MealContexts.Fasting, 1, 4.75, 4.75, 4.75),
            ],
            days.Select(Rounded));
        Assert.Equal([false, true, false, true], days.Select(d => d.IsFasting));
    }

    [Fact]
    public async Task DailyCountsAsync_TwoKindsAcrossMidnight_CountsPerLocalDayIncludingUnassigned()
    {
        await Store.WriteAsync(
        [
            Bp("bp-1", At(1, 0, 0), 120, 80),
            Bp("bp-unassigned", new DateTimeOffset(2025, 3, 1, 23, 59, 59, 999, Shanghai), 120, 80, patientId: null),
            Glu("glu-1", At(1, 12, 0), 6.0, MealContexts.Fasting),
            Glu("glu-2", At(2, 0, 0), 6.0, MealContexts.Fasting, patientId: "p-002"),
            Bp("other-clinic", At(1, 12, 0), 120, 80, clinicId: "clinic-b"),
            Glu("after-window", At(3, 0, 0), 6.0, MealContexts.Fasting),
        ], Ct);

        var counts = await Store.DailyCountsAsync("clinic-a", new LocalDayRange(March1, March2, Shanghai), Ct);

        Assert.Equal([new ClinicDayCount(March1, 2, 1), new ClinicDayCount(March2, 0, 1)], counts);
    }

    [Fact]
    public async Task DailyReads_EmptyWindow_AreEmpty()
    {
        await Store.WriteAsync([Bp("bp", At(1, 8, 0), 120, 80), Glu("glu", At(1, 9, 0), 6.0, MealContexts.Fasting)], Ct);
        var nothingThere = new LocalDayRange(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 20), Shanghai);

        Assert.Empty(await Store.DailyBloodPressureAsync("p-001", nothingThere, Ct));
        Assert.Empty(await Store.DailyGlucoseAsync("p-001", nothingThere, Ct));
        Assert.Empty(await Store.DailyCountsAsync("clinic-a", nothingThere, Ct));
        Assert.Empty(await Store.LatestPerPatientAsync("clinic-nobody", Ct));
    }

    [Fact]
    public async Task LatestPerPatientAsync_PatientWithBothKinds_OneRowWithNewestOfEach()
    {
        await Store.WriteAsync(
        [
            Bp("p1-bp-old", At(1, 8, 0), 120, 80),
            Bp("p1-bp-new", At(2, 8, 0), 130, 85),
            Glu("p1-glu-new", At(1, 23, 0), 6.0, MealContexts.Fasting),
            Glu("p1-glu-old", At(1, 7, 0), 5.0, MealContexts.Fasting),
            Bp("p2-bp", At(1, 9, 0), 140, 90, patientId: "p-002"),
            Bp("unassigned-newest", At(3, 9, 0), 140, 90, patientId: null),
            Glu("p3-elsewhere", At(2, 9, 0), 6.0, MealContexts.Fasting, patientId: "p-003", clinicId: "clinic-b"),
        ], Ct);

        var latest = await Store.LatestPerPatientAsync("clinic-a", Ct);

        Assert.Equal(
            [("p-001", "p1-bp-new", "p1-glu-new"), ("p-002", "p2-bp", null)],
            latest.Select(p => (p.PatientId, p.BloodPressure?.ReadingId, p.Glucose?.ReadingId)));
        Assert.Equal(
            SampleReadings.Json(Bp("p1-bp-new", At(2, 8, 0), 130, 85)),
            SampleReadings.Json(latest[0].BloodPressure!));
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task DailyReads_HostileIds_MatchOnlyThemselves(string id)
    {
        await Store.WriteAsync(
        [
            Bp("hostile-bp", At(1, 8, 0), 150, 95, patientId: id, clinicId: id),
            Glu("hostile-glu", At(1, 9, 0), 8.0, MealContexts.Postprandial, patientId: id, clinicId: id),
            Bp("victim-bp", At(1, 8, 0), 120, 80, patientId: "p-victim", clinicId: "clinic-victim"),
            Glu("victim-glu", At(1, 9, 0), 5.0, MealContexts.Postprandial, patientId: "p-victim", clinicId: "clinic-victim"),
            Bp("unassigned", At(1, 10, 0), 200, 120, patientId: null, clinicId: id),
        ], Ct);
        var days = new LocalDayRange(March1, March1, Shanghai);

        var bp = Assert.Single(await Store.DailyBloodPressureAsync(id, days, Ct));
        var glucose = Assert.Single(await Store.DailyGlucoseAsync(id, days, Ct));
        var counts = await Store.DailyCountsAsync(id, days, Ct);
        var latest = Assert.Single(await Store.LatestPerPatientAsync(id, Ct));

        Assert.Equal((1, 150.0), (bp.Count, bp.MaxSystolicMmHg));
        Assert.Equal((1, 8.0), (glucose.Count, glucose.MaxMmolL));
        Assert.Equal([new ClinicDayCount(March1, 2, 1)], counts);
        Assert.Equal((id, "hostile-bp", "hostile-glu"), (latest.PatientId, latest.BloodPressure?.ReadingId, latest.Glucose?.ReadingId));
    }

    [Fact]
    public async Task DailyReads_NullArguments_Throw()
    {
        var days = new LocalDayRange(March1, March1, Shanghai);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.DailyBloodPressureAsync(null!, days, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.DailyGlucoseAsync("p-001", null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.DailyCountsAsync(null!, days, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.LatestPerPatientAsync(null!, Ct));
    }

    private static DateTimeOffset At(int day, int hour, int minute, int month = 3) => new(2025, month, day, hour, minute, 0, Shanghai);

    private static ReadingMessage Bp(string id, DateTimeOffset at, double systolic, double diastolic, string? patientId = "p-001", string clinicId = "clinic-a") =>
        SampleReadings.BloodPressure(id, patientId, clinicId, at) with { Systolic = systolic, Diastolic = diastolic };

    private static ReadingMessage Glu(string id, DateTimeOffset at, double mmolL, string? meal, string? patientId = "p-001", string clinicId = "clinic-a") =>
        SampleReadings.Glucose(id, patientId, clinicId, at) with { MmolL = mmolL, Meal = meal };

    /// <summary>Means differ in the last bits between InfluxDB and SQLite; compare at 1e-9.</summary>
    private static DailyBloodPressure Rounded(DailyBloodPressure d) => d with
    {
        MeanSystolicMmHg = Math.Round(d.MeanSystolicMmHg, 9),
        MeanDiastolicMmHg = Math.Round(d.MeanDiastolicMmHg, 9),
    };

    private static DailyGlucose Rounded(DailyGlucose d) => d with { MeanMmolL = Math.Round(d.MeanMmolL, 9) };
}
