using CloudClinic.Edge.Gateway.CheckIn;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

public sealed class CheckInServiceTests : IDisposable
{
    private readonly CheckInFixture _fixture = new();

    public CheckInServiceTests()
    {
        var (roster, _) = _fixture.Open();
        roster.Apply(CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张*华", ["6201020000001"]), ("p-0002", "李*", [])));
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void CheckInCard_KnownCard_ReadingsInSessionGetThePatient()
    {
        var (_, service) = _fixture.Open();
        var outcome = service.CheckInCard("bp-1", "6201020000001");
        _fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var now = _fixture.Time.GetUtcNow();

        Assert.Equal("p-0001", outcome.Session?.PatientId);
        Assert.Equal(CheckInSource.Scanner, outcome.Session?.Source);
        Assert.Equal("p-0001", service.PatientFor("bp-1", now, now));
        Assert.Null(service.PatientFor("glucose-1", now, now));
    }

    [Fact]
    public void CheckInCard_UnknownCard_OpensNothingAndIsCounted()
    {
        var (_, service) = _fixture.Open();
        var now = _fixture.Time.GetUtcNow();

        var outcome = service.CheckInCard("bp-1", "9999999999");

        Assert.Null(outcome.Session);
        Assert.Contains("unknown card", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(1, service.UnknownCards);
        Assert.Null(service.PatientFor("bp-1", now, now));
    }

    [Fact]
    public void PatientFor_AfterSessionDuration_IsUnassigned()
    {
        var (_, service) = _fixture.Open();
        service.CheckInPatient("bp-1", "p-0002", CheckInSource.Kiosk);

        _fixture.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        var justBefore = _fixture.Time.GetUtcNow();
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = _fixture.Time.GetUtcNow();

        Assert.Equal("p-0002", service.PatientFor("bp-1", justBefore, justBefore));
        Assert.Null(service.PatientFor("bp-1", atExpiry, atExpiry));
    }

    [Fact]
    public void PatientFor_MeterMemoryMeasuredBeforeCheckIn_StaysUnassigned()
    {
        var (_, service) = _fixture.Open();
        service.CheckInPatient("glucose-1", "p-0001", CheckInSource.Kiosk);
        var now = _fixture.Time.GetUtcNow();

        // A meter clock 4 minutes behind is within the grace; yesterday's stored record is someone else's, maybe.
        Assert.Equal("p-0001", service.PatientFor("glucose-1", now.AddMinutes(-4), now));
        Assert.Null(service.PatientFor("glucose-1", now.AddMinutes(-6), now));
        Assert.Null(service.PatientFor("glucose-1", now.AddDays(-1), now));
    }

    [Fact]
    public void CheckInPatient_SecondCheckInAtStation_ReplacesTheFirst()
    {
        var (_, service) = _fixture.Open();
        service.CheckInPatient("bp-1", "p-0001", CheckInSource.Kiosk);
        _fixture.Time.Advance(TimeSpan.FromMinutes(3));

        service.CheckInPatient("bp-1", "p-0002", CheckInSource.Kiosk);
        var now = _fixture.Time.GetUtcNow();

        Assert.Equal("p-0002", service.PatientFor("bp-1", now, now));
        Assert.Equal(["p-0002"], service.OpenSessions().Select(s => s.PatientId));
    }

    [Fact]
    public void CheckInPatient_KioskPatientNotInRoster_IsRefused()
    {
        var (_, service) = _fixture.Open();

        var outcome = service.CheckInPatient("bp-1", "p-0404", CheckInSource.Kiosk);

        Assert.Contains("not in this clinic's roster", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInPatient_CommandForPatientNotYetInRoster_IsTaken()
    {
        var (_, service) = _fixture.Open();

        var outcome = service.CheckInPatient("bp-1", "p-0404", CheckInSource.Command);

        Assert.Equal("p-0404", outcome.Session?.PatientId);
        Assert.Null(outcome.Session?.DisplayName);
    }

    [Theory]
    [InlineData("bp-9", "p-0001", "station 'bp-9' is not one of")]
    [InlineData("bp-1", "P 0001", "patient id 'P 0001'")]
    public void CheckInPatient_BadStationOrId_IsRefusedWithReason(string station, string patientId, string reason)
    {
        var (_, service) = _fixture.Open();

        var outcome = service.CheckInPatient(station, patientId, CheckInSource.Command);

        Assert.Contains(reason, outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void PatientFor_AfterGatewayRestart_SessionStillHolds()
    {
        var (_, before) = _fixture.Open();
        before.CheckInPatient("bp-1", "p-0001", CheckInSource.Kiosk);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var (_, after) = _fixture.Open();
        var now = _fixture.Time.GetUtcNow();

        Assert.Equal("p-0001", after.PatientFor("bp-1", now, now));
    }

    [Fact]
    public void CheckOut_OpenSession_EndsIt()
    {
        var (_, service) = _fixture.Open();
        service.CheckInPatient("bp-1", "p-0001", CheckInSource.Kiosk);
        var now = _fixture.Time.GetUtcNow();

        Assert.True(service.CheckOut("bp-1"));
        Assert.False(service.CheckOut("bp-1"));
        Assert.Null(service.PatientFor("bp-1", now, now));
    }
}
