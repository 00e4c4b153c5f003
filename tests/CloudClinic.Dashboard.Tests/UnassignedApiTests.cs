using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Dashboard.Api;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Storage;
using CloudClinic.Storage.Influx;
using CloudClinic.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;
using static CloudClinic.Dashboard.Tests.Infrastructure.UnassignedCalls;

namespace CloudClinic.Dashboard.Tests;

/// <summary><c>/api/unassigned…</c> over the real SQLite reading store, registry and alert engine of the dashboard host.</summary>
public sealed class UnassignedApiTests(LiveDashboardFixture live) : IClassFixture<LiveDashboardFixture>
{
    private IReadingStore Store => live.Dashboard.GetRequiredService<IReadingStore>();

    [Fact]
    public async Task List_MixedReadings_OnlyTheClinicsUnassignedNewestFirstWithSeverity()
    {
        await Store.WriteAsync(
        [
            Samples.BloodPressure("clinic-ua-list", "gw-1", "ua-list-old", 130, 85, MinutesAgo(60)),
            Samples.Glucose("clinic-ua-list", "gw-2", "ua-list-new", 7.2, MinutesAgo(5)),
            Samples.BloodPressure("clinic-ua-list", "gw-1", "ua-list-urgent", 185, 115, MinutesAgo(30)),
            Samples.BloodPressure("clinic-ua-list", "gw-1", "ua-list-patient", 120, 80, MinutesAgo(10), patientId: "p-x"),
            Samples.BloodPressure("clinic-ua-list", "gw-1", "ua-list-too-old", 120, 80, MinutesAgo(60 * 24 * 10)),
            Samples.BloodPressure("clinic-ua-other", "gw-1", "ua-list-elsewhere", 120, 80, MinutesAgo(1)),
        ], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync();

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/unassigned?clinic=clinic-ua-list&days=7", UriKind.Relative)));

        var root = json.RootElement;
        var readings = root.GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal(["ua-list-new", "ua-list-urgent", "ua-list-old"], readings.Select(r => r.GetProperty("reading").GetProperty("readingId").GetString()));
        Assert.Equal("urgent", readings[1].GetProperty("severity").GetString());
        Assert.Equal(("clinic-ua-list", "Asia/Shanghai", 7, false),
            (root.GetProperty("clinicId").GetString(), root.GetProperty("timeZone").GetString(), root.GetProperty("days").GetInt32(), root.GetProperty("truncated").GetBoolean()));
    }

    [Fact]
    public async Task Assign_UrgentReading_ReKeyedEvaluatedForThePatientAndAudited()
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-1", "clinic-ua", null);
        var measuredAt = MinutesAgo(3);
        await Store.WriteAsync([Samples.BloodPressure("clinic-ua", "gw-1", "ua-urgent", 186, 114, measuredAt)], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync(CountyAdmin);

        using var response = await AssignAsync(http, "clinic-ua", "ua-urgent", "pat-ua-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("assigned", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("pat-ua-1", body.RootElement.GetProperty("reading").GetProperty("patientId").GetString());
        var history = await Store.ForPatientAsync("pat-ua-1", measuredAt.AddHours(-1), measuredAt.AddHours(1), CancellationToken.None);
        Assert.Equal(186, Assert.Single(history).Systolic);
        Assert.Empty(await Store.UnassignedAsync("clinic-ua", measuredAt.AddHours(-1), measuredAt.AddHours(1), 10, CancellationToken.None));

        // The assignment queued the reading for the alert engine (durably, before answering); the engine evaluates it
        // for the patient moments later: the patient's alert and last-measured appear.
        var database = live.Dashboard.GetRequiredService<RegistryDatabase>();
        await using var db = database.CreateContext();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await db.Patients.AsNoTracking().AnyAsync(p => p.Id == "pat-ua-1" && p.LastReadingAt != null, timeout.Token))
        {
            await Task.Delay(50, timeout.Token);
        }

        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.PatientId == "pat-ua-1");
        Assert.Equal("urgent", alert.Severity);
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == "pat-ua-1");
        Assert.Equal(measuredAt, patient.LastReadingAt);
        var audit = await db.Audit.AsNoTracking().SingleAsync(a => a.EntityId == "ua-urgent");
        Assert.Equal((CountyAdmin, "reading.assigned", "reading", "clinic-ua", "patient=pat-ua-1"), (audit.Actor, audit.Action, audit.EntityType, audit.ClinicId, audit.Detail));
    }

    [Fact]
    public async Task Assign_RepeatSamePatientThenOtherPatient_NoOpThen409WithReason()
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-2", ClinicA, GridA);
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-3", ClinicA, GridA);
        await Store.WriteAsync([Samples.Glucose(ClinicA, "gw-1", "ua-repeat", 6.1, MinutesAgo(8))], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync(Doctor);

        using var first = await AssignAsync(http, null, "ua-repeat", "pat-ua-2");
        using var second = await AssignAsync(http, null, "ua-repeat", "pat-ua-2");
        using var other = await AssignAsync(http, null, "ua-repeat", "pat-ua-3");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("alreadyAssigned", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("another patient", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = live.Dashboard.GetRequiredService<RegistryDatabase>().CreateContext();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.EntityId == "ua-repeat"));
    }

    [Theory]
    [InlineData("pat-ua-b", "ua-wrong", HttpStatusCode.BadRequest, "not a patient of clinic")]
    [InlineData("pat-ua-nobody", "ua-wrong", HttpStatusCode.NotFound, "is not registered")]
    [InlineData("pat-ua-a", "ua-no-such-reading", HttpStatusCode.NotFound, "has no reading")]
    [InlineData("pat-ua-a", "ua-in-b", HttpStatusCode.NotFound, "has no reading")]
    public async Task Assign_WrongPatientOrReading_RefusedWithReasonAndNothingChanged(string patientId, string readingId, HttpStatusCode status, string reason)
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-a", ClinicA, GridA);
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-b", ClinicB, GridB);
        await Store.WriteAsync(
            [Samples.Glucose(ClinicA, "gw-1", "ua-wrong", 5.5, MinutesAgo(9)), Samples.Glucose(ClinicB, "gw-1", "ua-in-b", 5.5, MinutesAgo(9))],
            CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync(Doctor);

        using var response = await AssignAsync(http, ClinicA, readingId, patientId);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unassigned = await Store.UnassignedAsync(ClinicA, MinutesAgo(60), MinutesAgo(0), 500, CancellationToken.None);
        Assert.Contains(unassigned, r => r.ReadingId == "ua-wrong");
    }

    [Theory]
    [InlineData(null, "p", "readingId")]
    [InlineData("r", "", "patientId")]
    [InlineData("r", "p\nq", "patientId")]
    public async Task Assign_BadBody_400NamingTheField(string? readingId, string? patientId, string field)
    {
        using var http = await live.Dashboard.SignedInClientAsync(Doctor);

        using var response = await AssignAsync(http, null, readingId, patientId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Assign_WithoutAntiforgeryToken_IsRejected()
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, "pat-ua-csrf", ClinicA, GridA);
        await Store.WriteAsync([Samples.Glucose(ClinicA, "gw-1", "ua-csrf", 5.0, MinutesAgo(4))], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync(Doctor);

        using var response = await http.PostAsJsonAsync(new Uri("/api/unassigned/assign", UriKind.Relative), new { readingId = "ua-csrf", patientId = "pat-ua-csrf" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await Store.UnassignedAsync(ClinicA, MinutesAgo(60), MinutesAgo(0), 500, CancellationToken.None), r => r.ReadingId == "ua-csrf");
    }

    [Fact]
    public async Task Patients_Search_MatchesMaskedNameOrIdOfTheClinicOnly()
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, "pat-pick-1", "clinic-pick", null, "王*明");
        await AddPatientAsync(live.Dashboard.Services, "pat-pick-2", "clinic-pick", null, "李*华");
        await AddPatientAsync(live.Dashboard.Services, "pat-pick-3", "clinic-pick-b", null, "王*芳");
        using var http = await live.Dashboard.SignedInClientAsync();

        var byName = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/unassigned/patients?clinic=clinic-pick&q=" + Uri.EscapeDataString("王"), UriKind.Relative));
        var byId = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/unassigned/patients?clinic=clinic-pick&q=pick-2", UriKind.Relative));
        var all = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/unassigned/patients?clinic=clinic-pick", UriKind.Relative));

        Assert.Equal(["pat-pick-1"], byName.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("王*明", byName[0].GetProperty("maskedName").GetString());
        Assert.Equal(["pat-pick-2"], byId.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["pat-pick-1", "pat-pick-2"], all.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Assign_InfluxV2Store_501NamingTheDialect()
    {
        // The v2 store refuses before contacting any InfluxDB, so the handler runs here with one pointed at a closed port.
        await AddPatientAsync(live.Dashboard.Services, "pat-v2", ClinicA, GridA);
        using var http = new HttpClient();
        using var v2 = new InfluxV2ReadingStore(http, new InfluxOptions
        {
            Url = $"http://127.0.0.1:{FreeTcpPort.Next()}", Dialect = InfluxOptions.DialectV2, Org = "o", Bucket = "b", Token = "t",
        });
        var doctor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Doctor), new Claim(ClaimTypes.Role, UserRoles.Doctor), new Claim(ClinicClaims.ClinicId, ClinicA)], "test"));

        var result = await UnassignedAssignment.AssignAsync(
            new AssignReading(null, "any-reading", "pat-v2"),
            doctor,
            v2,
            live.Dashboard.GetRequiredService<IAlertReadingSink>(),
            live.Dashboard.GetRequiredService<RegistryDatabase>(),
            TimeProvider.System,
            live.Dashboard.GetRequiredService<IOptions<DashboardOptions>>(),
            CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status501NotImplemented, problem.StatusCode);
        Assert.Contains("Influx:Dialect=v2", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }
}
