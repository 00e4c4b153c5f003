using CloudClinic.Contracts;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// Unassigned readings and their re-keying (issue 7, "the reading is re-keyed to the patient, nothing lost"), as
/// every <see cref="IReadingStore"/> that supports it must do; run against real SQLite and real influxd 1.6.7.
/// </summary>
public abstract class ReadingAssignmentContractTests
{
    private static readonly DateTimeOffset T = SampleReadings.BaseTime;

    public static TheoryData<string> HostileIds => ReadingStoreContractTests.HostilePatientIds;

    protected abstract IReadingStore Store { get; }

    protected CancellationToken Ct { get; } = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task UnassignedAsync_MixedReadings_OnlyTheClinicsUnassignedInWindowNewestFirst()
    {
        await Store.WriteAsync(
        [
            SampleReadings.BloodPressure("u-old", patientId: null, measuredAt: T.AddHours(-2)),
            SampleReadings.Glucose("u-new", patientId: null, measuredAt: T.AddMinutes(10)),
            SampleReadings.BloodPressure("u-mid", patientId: null, measuredAt: T),
            SampleReadings.BloodPressure("u-outside", patientId: null, measuredAt: T.AddDays(-3)),
            SampleReadings.BloodPressure("u-other-clinic", patientId: null, clinicId: "clinic-b", measuredAt: T),
            SampleReadings.Glucose("assigned", patientId: "p-001", measuredAt: T.AddMinutes(5)),
        ], Ct);

        var all = await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 10, Ct);
        var two = await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 2, Ct);

        Assert.Equal(["u-new", "u-mid", "u-old"], all.Select(r => r.ReadingId));
        Assert.All(all, r => Assert.Null(r.PatientId));
        Assert.Equal(["u-new", "u-mid"], two.Select(r => r.ReadingId));
    }

    [Fact]
    public async Task AssignAsync_UnassignedReading_ReKeyedWithEveryFieldKept()
    {
        var reading = SampleReadings.BloodPressure("to-assign", patientId: null);
        await Store.WriteAsync([reading, SampleReadings.Glucose("stays", patientId: null, measuredAt: T.AddMinutes(1))], Ct);

        var result = await Store.AssignAsync("clinic-a", "to-assign", "p-007", Ct);

        Assert.Equal(ReadingAssignmentOutcome.Assigned, result.Outcome);
        var expected = SampleReadings.Json(reading with { PatientId = "p-007" });
        Assert.Equal(expected, SampleReadings.Json(result.Reading!));
        var history = await Store.ForPatientAsync("p-007", T.AddDays(-1), T.AddDays(1), Ct);
        Assert.Equal(expected, SampleReadings.Json(Assert.Single(history)));
        Assert.Equal(["stays"], (await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 10, Ct)).Select(r => r.ReadingId));
        Assert.Equal(2, (await Store.LatestAsync("clinic-a", 10, Ct)).Count);
    }

    [Fact]
    public async Task AssignAsync_RepeatedForSamePatient_IsNoOpAlreadyAssigned()
    {
        await Store.WriteAsync([SampleReadings.Glucose("twice", patientId: null)], Ct);

        var first = await Store.AssignAsync("clinic-a", "twice", "p-002", Ct);
        var second = await Store.AssignAsync("clinic-a", "twice", "p-002", Ct);

        Assert.Equal(ReadingAssignmentOutcome.Assigned, first.Outcome);
        Assert.Equal(ReadingAssignmentOutcome.AlreadyAssigned, second.Outcome);
        Assert.Equal("p-002", second.Reading!.PatientId);
        Assert.Single(await Store.LatestAsync("clinic-a", 10, Ct));
    }

    [Fact]
    public async Task AssignAsync_ReadingOfAnotherPatient_RefusedAndUnchanged()
    {
        await Store.WriteAsync([SampleReadings.BloodPressure("owned", patientId: "p-001")], Ct);

        var result = await Store.AssignAsync("clinic-a", "owned", "p-009", Ct);

        Assert.Equal(ReadingAssignmentOutcome.AssignedToOther, result.Outcome);
        Assert.Equal("p-001", result.Reading!.PatientId);
        Assert.Single(await Store.ForPatientAsync("p-001", T.AddDays(-1), T.AddDays(1), Ct));
        Assert.Empty(await Store.ForPatientAsync("p-009", T.AddDays(-1), T.AddDays(1), Ct));
    }

    [Fact]
    public async Task AssignAsync_UnknownReadingOrOtherClinic_NotFound()
    {
        await Store.WriteAsync([SampleReadings.BloodPressure("in-b", patientId: null, clinicId: "clinic-b")], Ct);

        Assert.Equal(ReadingAssignmentOutcome.NotFound, (await Store.AssignAsync("clinic-a", "missing", "p-001", Ct)).Outcome);
        Assert.Equal(ReadingAssignmentOutcome.NotFound, (await Store.AssignAsync("clinic-a", "in-b", "p-001", Ct)).Outcome);
        Assert.Single(await Store.UnassignedAsync("clinic-b", T.AddDays(-1), T.AddDays(1), 10, Ct));
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    [InlineData("r\r.*/x$")] // InfluxQL strings cannot carry '\r': the InfluxDB store matches it by an escaped regex
    [InlineData("(x|y)\r[z]{2}+?\\^")]
    public async Task AssignAsync_HostileIds_TouchOnlyTheNamedReading(string hostile)
    {
        // Same clinic, gateway, station and millisecond: only the reading id and patient tell them apart.
        await Store.WriteAsync(
        [
            SampleReadings.BloodPressure(hostile, patientId: null),
            SampleReadings.Glucose("neighbour", patientId: null),
            SampleReadings.BloodPressure("victim", patientId: "p-victim", measuredAt: T.AddSeconds(1)),
        ], Ct);

        var result = await Store.AssignAsync("clinic-a", hostile, hostile, Ct);

        Assert.Equal(ReadingAssignmentOutcome.Assigned, result.Outcome);
        var history = await Store.ForPatientAsync(hostile, T.AddDays(-1), T.AddDays(1), Ct);
        Assert.Equal(hostile, Assert.Single(history).ReadingId);
        Assert.Equal(hostile, history[0].PatientId);
        Assert.Equal(["neighbour"], (await Store.UnassignedAsync("clinic-a", T.AddDays(-1), T.AddDays(1), 10, Ct)).Select(r => r.ReadingId));
        Assert.Single(await Store.ForPatientAsync("p-victim", T.AddDays(-1), T.AddDays(1), Ct));
        Assert.Equal(ReadingAssignmentOutcome.AlreadyAssigned, (await Store.AssignAsync("clinic-a", hostile, hostile, Ct)).Outcome);
    }
}
