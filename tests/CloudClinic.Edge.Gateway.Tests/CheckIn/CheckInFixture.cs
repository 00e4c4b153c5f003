using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

/// <summary>A gateway's check-in parts on a real SQLite file in a temp directory, with a fake clock; reopenable like a restart.</summary>
internal sealed class CheckInFixture : IDisposable
{
    public const string Clinic = "clinic-a";
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-checkin-").FullName;
    private readonly List<CheckInDatabase> _databases = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)));

    public IOptions<EdgeOptions> Edge { get; } = Options.Create(new EdgeOptions
    {
        ClinicId = Clinic,
        GatewayId = "gw-1",
        OutboxPath = "outbox.db",
        Stations = [new StationOptions { Name = "bp-1", Link = StationOptions.SimulatedLink }, new StationOptions { Name = "glucose-1", Link = StationOptions.SimulatedLink }],
    });

    public static RosterMessage Roster(DateTimeOffset issuedAt, params (string Id, string Name, string[] Cards)[] patients) => new()
    {
        Schema = RosterMessage.SchemaV1,
        ClinicId = Clinic,
        IssuedAt = issuedAt,
        Patients = [.. patients.Select(p => new RosterPatient
        {
            PatientId = p.Id,
            DisplayName = p.Name,
            CardHashes = [.. p.Cards.Select(c => CardCodeHash.Compute(Clinic, c))],
        })],
    };

    /// <summary>A fresh set of services on the same file: what a restarted gateway sees.</summary>
    public (RosterCache Roster, CheckInService Service) Open()
    {
        var database = new CheckInDatabase(Edge, new HostingEnvironment { ContentRootPath = _directory });
        _databases.Add(database);
        var roster = new RosterCache(database, Edge);
        var service = new CheckInService(roster, new CheckInSessionStore(database), Options.Create(new CheckInOptions()), Edge, Time, NullLogger<CheckInService>.Instance);
        return (roster, service);
    }

    public byte[] DatabaseBytes()
    {
        _databases.ForEach(d => d.Dispose());
        _databases.Clear();
        return File.ReadAllBytes(Path.Combine(_directory, "outbox.checkin.db"));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Directory.Delete(_directory, recursive: true);
    }
}
