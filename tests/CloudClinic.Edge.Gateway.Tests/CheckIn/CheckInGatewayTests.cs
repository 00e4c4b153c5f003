using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.LocalPage;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

/// <summary>
/// Check-in in a real gateway host with its local page: the roster arrives retained over MQTT, the dashboard's
/// command and the kiosk page open sessions, and the simulated meter's readings carry the patient — also while the
/// broker is down.
/// </summary>
public sealed class CheckInGatewayTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly string ReadingsTopic = Topics.Readings(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-checkin-gw-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private InProcessMqttBroker _broker = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _broker = await InProcessMqttBroker.StartAsync();
        var roster = new RosterMessage
        {
            Schema = RosterMessage.SchemaV1,
            ClinicId = GatewayUnderTest.ClinicId,
            IssuedAt = TimeProvider.System.GetUtcNow(),
            Patients = [new RosterPatient { PatientId = "p-0001", DisplayName = "张小华", CardHashes = [CardCodeHash.Compute(GatewayUnderTest.ClinicId, "6201020000001")] }],
        };
        await _broker.PublishAsync(Topics.Roster(GatewayUnderTest.ClinicId), JsonSerializer.Serialize(roster, ContractJsonContext.Default.RosterMessage), retain: true);
        _host = Build();
        await _host.StartAsync();
        var cache = _host.Services.GetRequiredService<RosterCache>();
        Action<string?>? relay = null;
        await Eventually.WaitAsync(() => cache.Count == 1, h => cache.Received += relay = _ => h(), _ => cache.Received -= relay, Timeout, () => "the retained roster never reached the gateway");
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _http.Dispose();
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task CheckInCommand_FromDashboard_LaterReadingsOfThatStationCarryThePatient()
    {
        var command = new GatewayCommandMessage { Command = GatewayCommands.CheckIn, PatientId = "p-0001", Station = "bp-1" };
        var sent = TimeProvider.System.GetUtcNow();

        await _broker.PublishAsync(Topics.Commands(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId), JsonSerializer.Serialize(command, ContractJsonContext.Default.GatewayCommandMessage));

        var messages = await _broker.Published.WaitForAsync(m => WireReadings.From(m, ReadingsTopic).Any(r => r.PatientId == "p-0001"), Timeout);
        var readings = WireReadings.From(messages, ReadingsTopic);
        // Every reading before the command is unassigned; none is given to the patient retroactively.
        Assert.All(readings.Where(r => r.ReceivedAt < sent.AddSeconds(-1)), r => Assert.Null(r.PatientId));
        Assert.Equal("bp-1", readings.First(r => r.PatientId == "p-0001").Station);
    }

    [Fact]
    public async Task KioskCheckIn_WhileBrokerDown_ReadingsQueueWithThePatientAndArriveLater()
    {
        await _broker.StopAsync();
        var page = _host.Services.GetRequiredService<LocalPageServer>().BoundUrl!;
        using var patients = JsonDocument.Parse(await _http.GetStringAsync(new Uri(page, "/check-in/patients.json?q=" + Uri.EscapeDataString("张"))));
        var listed = Assert.Single(patients.RootElement.EnumerateArray());
        Assert.Equal("张*华", listed.GetProperty("displayName").GetString());

        using var response = await _http.PostAsJsonAsync(new Uri(page, "/check-in"), new { station = "bp-1", patientId = "p-0001" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outbox = _host.Services.GetRequiredService<OutboxStore>();
        await Eventually.WaitAsync(() => outbox.Peek(10_000, new HashSet<string>()).Any(e => e.Reading.PatientId == "p-0001"), h => outbox.Changed += h, h => outbox.Changed -= h, Timeout, () => "no queued reading carries the patient");
        await _broker.RestartAsync();
        await _broker.Published.WaitForAsync(m => WireReadings.From(m, ReadingsTopic).Any(r => r.PatientId == "p-0001"), Timeout);
    }

    [Fact]
    public async Task KioskCheckIn_UnknownPatientOrFormPost_IsRefused()
    {
        var page = _host.Services.GetRequiredService<LocalPageServer>().BoundUrl!;

        using var unknown = await _http.PostAsJsonAsync(new Uri(page, "/check-in"), new { station = "bp-1", patientId = "p-0404" });
        using var form = await _http.PostAsync(new Uri(page, "/check-in"), new FormUrlEncodedContent(new Dictionary<string, string> { ["station"] = "bp-1", ["patientId"] = "p-0001" }));
        using var missing = await _http.PostAsJsonAsync(new Uri(page, "/check-in"), new { station = "bp-1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        using (var body = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()))
        {
            Assert.Contains("not in this clinic's roster", body.RootElement.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Empty(_host.Services.GetRequiredService<CheckInService>().OpenSessions());
    }

    [Fact]
    public async Task Roster_ForAnotherClinic_IsRefusedAndTheCachedOneKept()
    {
        var other = """{"schema":"cloudclinic.roster/1","clinicId":"clinic-9","issuedAt":"2030-01-01T00:00:00Z","patients":[]}""";
        var cache = _host.Services.GetRequiredService<RosterCache>();
        var refused = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Only a refusal: the clinic's own retained roster may still be arriving (null refusal) when this test starts.
        cache.Received += refusal =>
        {
            if (refusal is not null)
            {
                refused.TrySetResult(refusal);
            }
        };

        await _broker.PublishAsync(Topics.Roster(GatewayUnderTest.ClinicId), other, retain: true);

        Assert.Contains("clinic 'clinic-9'", await refused.Task.WaitAsync(Timeout), StringComparison.Ordinal);
        Assert.Equal(1, _host.Services.GetRequiredService<RosterCache>().Count);
    }

    private IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = _broker.Url,
            ["Mqtt:ReconnectMinSeconds"] = "0.1",
            ["Mqtt:ReconnectMaxSeconds"] = "0.5",
            ["Edge:ClinicId"] = GatewayUnderTest.ClinicId,
            ["Edge:GatewayId"] = GatewayUnderTest.GatewayId,
            ["Edge:OutboxPath"] = Path.Combine(_directory, "outbox.db"),
            ["Edge:LocalPage:Url"] = "http://127.0.0.1:0",
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "simulated",
            ["Edge:Stations:0:SimulatedKind"] = "bloodPressure",
            ["Edge:Stations:0:SimulatedIntervalSeconds"] = "0.2",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new QueueLoggerProvider(new ConcurrentQueue<string>()));
        builder.AddEdgeGateway();
        builder.AddEdgeLocalPage();
        return builder.Build();
    }
}
