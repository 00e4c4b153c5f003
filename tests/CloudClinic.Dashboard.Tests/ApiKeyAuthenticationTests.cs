using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// The <c>X-Api-Key</c> scheme against the real registry: valid, revoked, unknown, tampered and missing keys, a key
/// outside its clinic, a key on the browser-only API and the hub, and what is logged on a refusal.
/// </summary>
public sealed class ApiKeyAuthenticationTests(ApiKeyDashboardFixture fixture) : IClassFixture<ApiKeyDashboardFixture>
{
    private const string PatientA = "key-pat-a";
    private const string PatientB = "key-pat-b";

    [Fact]
    public async Task Get_ValidClinicKey_ListsOwnClinicPatientsWithoutPersonalData()
    {
        await fixture.AddPatientAsync(PatientA, ClinicA, GridA, Conditions.Hypertension, Conditions.Diabetes);
        await fixture.AddPatientAsync(PatientB, ClinicB, GridB);
        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);

        using var response = await http.GetAsync(new Uri("/api/v1/patients", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var patients = json.RootElement.GetProperty("patients").EnumerateArray().ToList();
        var patient = Assert.Single(patients, p => p.GetProperty("patientId").GetString() == PatientA);
        Assert.Equal("张*华", patient.GetProperty("maskedName").GetString());
        Assert.Equal(GridA, patient.GetProperty("gridId").GetString());
        Assert.Equal([Conditions.Diabetes, Conditions.Hypertension], patient.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(patients, p => p.GetProperty("clinicId").GetString() != ClinicA);
        Assert.DoesNotContain("Protected", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_AuthorizationHeaderForm_IsAccepted()
    {
        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.Dashboard.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/alerts", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + key.Key);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RevokedKey_Returns401()
    {
        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);
        using var before = await http.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        await fixture.Dashboard.GetRequiredService<ApiKeyStore>().RevokeAsync(key.Info.Id, "test", CancellationToken.None);

        using var after = await http.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains(fixture.Logs.All, l => l.Contains($"API key refused (Revoked), key id {key.Info.Id}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("tampered")]
    [InlineData("malformed")]
    [InlineData("missing")]
    public async Task Get_BadOrMissingKey_Returns401AndNeverLogsTheKey(string kind)
    {
        var real = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        var presented = kind switch
        {
            "unknown" => ApiKeyFormat.Create().Key,
            "tampered" => real.Key[..^1] + (real.Key[^1] == 'A' ? 'B' : 'A'),
            "malformed" => "not-a-key-" + Guid.NewGuid(),
            _ => null,
        };
        using var http = presented is null ? fixture.Dashboard.CreateClient(new() { HandleCookies = false }) : fixture.KeyClient(presented);

        using var response = await http.GetAsync(new Uri($"/api/v1/patients/{PatientA}/readings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        if (presented is not null)
        {
            var refusal = kind switch { "unknown" => "Unknown", "tampered" => "WrongSecret", _ => "Malformed" };
            Assert.Contains(fixture.Logs.All, l => l.Contains($"API key refused ({refusal})", StringComparison.Ordinal));
            Assert.DoesNotContain(fixture.Logs.All, l => l.Contains(presented, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Get_ClinicKeyOutsideItsClinic_Returns403Or404()
    {
        await fixture.AddPatientAsync(PatientB, ClinicB, GridB);
        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);

        using var otherPatient = await http.GetAsync(new Uri($"/api/v1/patients/{PatientB}/readings", UriKind.Relative));
        using var otherClinicAlerts = await http.GetAsync(new Uri($"/api/v1/alerts?clinic={ClinicB}", UriKind.Relative));
        using var otherClinicPatients = await http.GetAsync(new Uri($"/api/v1/patients?clinic={ClinicB}", UriKind.Relative));
        using var everyClinic = await http.GetAsync(new Uri("/api/v1/patients?clinic=", UriKind.Relative));
        using var unknownPatient = await http.GetAsync(new Uri("/api/v1/patients/no-such-patient/readings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, otherPatient.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherClinicAlerts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherClinicPatients.StatusCode);
        Assert.Equal(HttpStatusCode.OK, everyClinic.StatusCode); // no clinic named: the key's own
        Assert.Equal(HttpStatusCode.NotFound, unknownPatient.StatusCode);
    }

    [Fact]
    public async Task Get_Key_RecordsLastUsed()
    {
        var key = await fixture.NewKeyAsync(ApiKeyScope.County);
        using var http = fixture.KeyClient(key.Key);

        using var response = await http.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = fixture.Dashboard.GetRequiredService<RegistryDatabase>().CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Info.Id);
        Assert.NotNull(row.LastUsedAt);
    }

    [Theory]
    [InlineData("/api/readings/today?clinic=clinic-a")]
    [InlineData("/api/alerts/open?clinic=clinic-a")]
    [InlineData("/api/gateways?clinic=clinic-a")]
    [InlineData("/api/api-keys")]
    [InlineData("/account/me")]
    public async Task Get_KeyOnBrowserOnlyEndpoint_Returns401(string url)
    {
        var key = await fixture.NewKeyAsync(ApiKeyScope.County);
        using var http = fixture.KeyClient(key.Key);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostAlertAction_WithKey_Returns401AndLeavesTheAlertOpen()
    {
        await fixture.AddPatientAsync(PatientA, ClinicA, GridA);
        var database = fixture.Dashboard.GetRequiredService<RegistryDatabase>();
        await using (var db = database.CreateContext())
        {
            db.Alerts.Add(new Alert
            {
                Id = "key-ack", Rule = "bp-urgent", Severity = "urgent", State = "open", ClinicId = ClinicA, GridId = GridA, PatientId = PatientA,
                OpenKey = "bp-urgent|key-ack", RaisedAt = Samples.Morning, UpdatedAt = Samples.Morning,
            });
            await db.SaveChangesAsync();
        }

        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);

        using var response = await http.PostAsJsonAsync(new Uri("/api/alerts/key-ack/acknowledge", UriKind.Relative), new { note = "by key" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var check = database.CreateContext();
        Assert.Equal("open", (await check.Alerts.AsNoTracking().SingleAsync(a => a.Id == "key-ack")).State);
    }

    [Fact]
    public async Task Hub_WithKey_IsRefused()
    {
        var key = await fixture.NewKeyAsync(ApiKeyScope.County);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Dashboard.Server.BaseAddress, Hubs.ClinicHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => fixture.Dashboard.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.Headers[ApiKeyDefaults.Header] = key.Key;
            })
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
