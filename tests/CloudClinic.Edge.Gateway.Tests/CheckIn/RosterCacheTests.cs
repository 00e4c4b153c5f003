using System.Text;
using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

public sealed class RosterCacheTests : IDisposable
{
    private readonly CheckInFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Apply_Roster_FindsByIdCardAndSearch()
    {
        var (roster, _) = _fixture.Open();

        Assert.Null(roster.Apply(CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张*华", ["6201020000001"]), ("p-0002", "李*", []))));

        Assert.Equal(2, roster.Count);
        Assert.Equal("张*华", roster.Find("p-0001")?.DisplayName);
        Assert.Equal("p-0001", roster.FindByCard("6201020000001\r")?.PatientId);
        Assert.Null(roster.FindByCard("6201020000002"));
        Assert.Equal(["p-0002"], roster.Search("李", 10).Select(e => e.PatientId));
    }

    [Fact]
    public void Apply_FullNamesFromSender_AreMaskedBeforeStoring()
    {
        var (roster, _) = _fixture.Open();

        roster.Apply(CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张小华", [])));

        Assert.Equal("张*华", roster.Find("p-0001")?.DisplayName);
        // Not even in the file's free pages or WAL: the full name never reached SQLite.
        Assert.DoesNotContain("小", Encoding.UTF8.GetString(_fixture.DatabaseBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OlderRoster_IsRefusedAndCachedOneKept()
    {
        var (roster, _) = _fixture.Open();
        var now = _fixture.Time.GetUtcNow();
        roster.Apply(CheckInFixture.Roster(now, ("p-0001", "张*华", [])));

        var refusal = roster.Apply(CheckInFixture.Roster(now.AddHours(-1), ("p-0009", "王*", [])));

        Assert.Contains("older than the cached one", refusal, StringComparison.Ordinal);
        Assert.NotNull(roster.Find("p-0001"));
        Assert.Null(roster.Find("p-0009"));
    }

    [Fact]
    public void Apply_NewerRoster_ReplacesPatientsAndCards()
    {
        var (roster, _) = _fixture.Open();
        var now = _fixture.Time.GetUtcNow();
        roster.Apply(CheckInFixture.Roster(now, ("p-0001", "张*华", ["card-0001"])));

        roster.Apply(CheckInFixture.Roster(now.AddMinutes(5), ("p-0002", "李*", ["card-0002"])));

        Assert.Null(roster.Find("p-0001"));
        Assert.Null(roster.FindByCard("card-0001"));
        Assert.Equal("p-0002", roster.FindByCard("card-0002")?.PatientId);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"schema":"cloudclinic.roster/9","clinicId":"clinic-a","issuedAt":"2026-11-28T09:00:00+08:00","patients":[]}""", "schema")]
    [InlineData("""{"schema":"cloudclinic.roster/1","clinicId":"clinic-b","issuedAt":"2026-11-28T09:00:00+08:00","patients":[]}""", "clinic 'clinic-b'")]
    [InlineData("""{"schema":"cloudclinic.roster/1","clinicId":"clinic-a","issuedAt":"2026-11-28T09:00:00+08:00","patients":[{"patientId":"P 1","displayName":"x"}]}""", "patient id 'P 1'")]
    public void Apply_BadRoster_IsRefusedWithReasonAndNothingChanges(string payload, string reason)
    {
        var (roster, _) = _fixture.Open();
        roster.Apply(CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张*华", [])));

        var refusal = roster.Apply(Encoding.UTF8.GetBytes(payload));

        Assert.Contains(reason, refusal, StringComparison.Ordinal);
        Assert.Equal(1, roster.Count);
    }

    [Fact]
    public void Apply_Wire_RoundTripsThroughContractJson()
    {
        var (roster, _) = _fixture.Open();
        var message = CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张*华", ["A1B2C3D4"]));

        Assert.Null(roster.Apply(JsonSerializer.SerializeToUtf8Bytes(message, ContractJsonContext.Default.RosterMessage)));

        Assert.Equal("p-0001", roster.FindByCard("A1B2C3D4")?.PatientId);
    }
}
