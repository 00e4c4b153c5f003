using System.Net;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Storage;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;

namespace CloudClinic.Dashboard.Tests;

/// <summary>What the integration endpoints return, with a clinic key, over the real registry and reading store.</summary>
public sealed class IntegrationApiTests(ApiKeyDashboardFixture fixture) : IClassFixture<ApiKeyDashboardFixture>
{
    private const string Patient = "int-pat-a";

    [Fact]
    public async Task GetReadings_Window_ReturnsOnlyReadingsInsideOldestFirst()
    {
        await fixture.AddPatientAsync(Patient, ClinicA, GridA);
        var at = Samples.Morning;
        ReadingMessage[] readings =
        [
            Samples.BloodPressure(ClinicA, "gw-1", "int-rd-before", 150, 95, at.AddDays(-10), Patient),
            Samples.BloodPressure(ClinicA, "gw-1", "int-rd-in-2", 132, 84, at, Patient),
            Samples.BloodPressure(ClinicA, "gw-1", "int-rd-in-1", 128, 82, at.AddDays(-1), Patient),
            Samples.BloodPressure(ClinicA, "gw-1", "int-rd-after", 140, 90, at.AddDays(3), Patient),
        ];
        await fixture.Dashboard.GetRequiredService<IReadingStore>().WriteAsync(readings, CancellationToken.None);
        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);
        var from = Uri.EscapeDataString(at.AddDays(-2).ToString("O"));
        var to = Uri.EscapeDataString(at.AddDays(1).ToString("O"));

        using var response = await http.GetAsync(new Uri($"/api/v1/patients/{Patient}/readings?from={from}&to={to}", UriKind.Relative));
        using var badWindow = await http.GetAsync(new Uri($"/api/v1/patients/{Patient}/readings?from={to}&to={from}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("readingId").GetString()!).ToArray();
        Assert.Equal(["int-rd-in-1", "int-rd-in-2"], ids);
        Assert.Equal(ReadingMessage.SchemaV1, json.RootElement[0].GetProperty("schema").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
    }

    [Fact]
    public async Task GetAlerts_OpenOrWindow_ReturnsTheMatchingAlertsWithoutNotes()
    {
        await fixture.AddPatientAsync(Patient, ClinicA, GridA);
        var at = Samples.Morning.ToUniversalTime();
        await using (var db = fixture.Dashboard.GetRequiredService<RegistryDatabase>().CreateContext())
        {
            db.Alerts.AddRange(
                NewAlert("int-open", AlertStates.Open, at, ClinicA),
                NewAlert("int-resolved", AlertStates.Resolved, at.AddHours(1), ClinicA),
                NewAlert("int-old", AlertStates.Resolved, at.AddDays(-30), ClinicA),
                NewAlert("int-other-clinic", AlertStates.Open, at, ClinicB));
            await db.SaveChangesAsync();
        }

        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicA));
        using var http = fixture.KeyClient(key.Key);
        var from = Uri.EscapeDataString(at.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(at.AddDays(1).ToString("O"));

        var open = await AlertIdsAsync(http, "/api/v1/alerts");
        var window = await AlertIdsAsync(http, $"/api/v1/alerts?from={from}&to={to}");

        Assert.Contains("int-open", open);
        Assert.DoesNotContain("int-resolved", open);
        Assert.DoesNotContain("int-other-clinic", open);
        Assert.Equal(["int-open", "int-resolved"], window.Where(id => id.StartsWith("int-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetPatients_Paged_WalksEveryPatientOnce()
    {
        string[] ids = ["page-pat-1", "page-pat-2", "page-pat-3"];
        foreach (var id in ids)
        {
            await fixture.AddPatientAsync(id, "page-clinic", null);
        }

        var key = await fixture.NewKeyAsync(ApiKeyScope.Clinic("page-clinic"));
        using var http = fixture.KeyClient(key.Key);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/patients?limit=2&after={after}", UriKind.Relative)));
            seen.AddRange(json.RootElement.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("patientId").GetString()!));
            after = json.RootElement.TryGetProperty("next", out var next) ? next.GetString() : null;
            pages++;
        }
        while (after is not null && pages < 5);

        Assert.Equal(ids, seen);
        Assert.Equal(2, pages);
    }

    private static async Task<string[]> AlertIdsAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("secret note", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()!).ToArray();
    }

    private static Alert NewAlert(string id, string state, DateTimeOffset raisedAt, string clinic) => new()
    {
        Id = id, Rule = "bp-urgent", Severity = AlertSeverities.Urgent, State = state, ClinicId = clinic, GridId = clinic == ClinicA ? GridA : GridB,
        PatientId = clinic == ClinicA ? Patient : null, OpenKey = state == AlertStates.Resolved ? null : $"bp-urgent|{id}",
        RaisedAt = raisedAt, UpdatedAt = raisedAt, AcknowledgeNote = "secret note", ResolveNote = state == AlertStates.Resolved ? "secret note" : null,
        ValuesJson = """{"systolic":182,"diastolic":112}""", ReadingIdsJson = """["rd-1"]""",
    };
}
