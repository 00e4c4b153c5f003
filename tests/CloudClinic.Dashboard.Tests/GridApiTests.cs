using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// The grid page's API over the real registry at a fixed clock (<see cref="Samples.Morning"/>). Each test uses its
/// own grids, so the rows of one never show in another.
/// </summary>
public sealed class GridApiTests(FixedClockDashboardFixture fixture) : IClassFixture<FixedClockDashboardFixture>
{
    private static readonly DateTimeOffset Now = Samples.Morning;

    private IServiceProvider Services => fixture.Dashboard.Services;

    [Fact]
    public async Task Work_GridWorker_SeesOwnGridsAlertsUrgentFirstAndTasksWithDaysNotMeasured()
    {
        var worker = await SeedThreeGridsAsync("w1");
        await GridSeed.AlertAsync(Services, "w1-warn", ClinicA, "w1-own", "w1-p-own", AlertSeverities.Warning, Now.AddHours(-5), """{"systolic":150,"diastolic":92}""");
        await GridSeed.AlertAsync(Services, "w1-urgent", ClinicA, "w1-own", "w1-p-own", AlertSeverities.Urgent, Now.AddMinutes(-20), """{"systolic":186,"diastolic":116}""", """["irregularPulse"]""");
        await GridSeed.AlertAsync(Services, "w1-next-urgent", ClinicA, "w1-next", "w1-p-next", AlertSeverities.Urgent, Now.AddMinutes(-3), "{}");
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/grid/work", UriKind.Relative)));

        var root = json.RootElement;
        Assert.Equal("w1-own", root.GetProperty("gridId").GetString());
        Assert.Equal(["w1-own"], root.GetProperty("grids").EnumerateArray().Select(g => g.GetProperty("gridId").GetString()));
        // The not-measured alert is shown as its task, not as an alert.
        var alerts = root.GetProperty("alerts").EnumerateArray().ToArray();
        Assert.Equal(["w1-urgent", "w1-warn"], alerts.Select(a => a.GetProperty("alertId").GetString()));
        Assert.Equal(("王*明", 186, "irregularPulse", true), (
            alerts[0].GetProperty("patientName").GetString(), alerts[0].GetProperty("values").GetProperty("systolic").GetInt32(),
            alerts[0].GetProperty("flags")[0].GetString(), alerts[0].GetProperty("canAct").GetBoolean()));
        var task = Assert.Single(root.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("w1-p-own", "王*明", 9, "remind-or-visit", true), (
            task.GetProperty("patientId").GetString(), task.GetProperty("patientName").GetString(), task.GetProperty("daysNotMeasured").GetInt32(),
            task.GetProperty("kind").GetString(), task.GetProperty("canClose").GetBoolean()));
    }

    [Fact]
    public async Task Work_GridWorkerAsksForOtherGrids_ForbiddenUnknownOrInvalid()
    {
        var worker = await SeedThreeGridsAsync("w2");
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/grid/work?grid=w2-own", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri("/api/grid/work?grid=w2-next", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri("/api/grid/work?grid=w2-far", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/grid/work?grid=w2-nowhere", UriKind.Relative))).StatusCode);
        using var invalid = await http.GetAsync(new Uri("/api/grid/work?grid=" + new string('g', 65), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"grid\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_DoctorAndCountyAdmin_PickGridsOfTheirClinicOrCounty()
    {
        await SeedThreeGridsAsync("w3");
        using var doctor = await fixture.Dashboard.SignedInClientAsync(Doctor);
        using var county = await fixture.Dashboard.SignedInClientAsync(CountyAdmin);

        using var next = JsonDocument.Parse(await doctor.GetStringAsync(new Uri("/api/grid/work?grid=w3-next", UriKind.Relative)));
        using var far = await doctor.GetAsync(new Uri("/api/grid/work?grid=w3-far", UriKind.Relative));
        using var countyFar = JsonDocument.Parse(await county.GetStringAsync(new Uri("/api/grid/work?grid=w3-far", UriKind.Relative)));

        Assert.Equal("w3-p-next", Assert.Single(next.RootElement.GetProperty("tasks").EnumerateArray()).GetProperty("patientId").GetString());
        var choices = next.RootElement.GetProperty("grids").EnumerateArray().Select(g => g.GetProperty("gridId").GetString()).ToList();
        Assert.Contains("w3-own", choices);
        Assert.DoesNotContain("w3-far", choices);
        Assert.Equal(HttpStatusCode.Forbidden, far.StatusCode);
        Assert.Equal("w3-p-far", Assert.Single(countyFar.RootElement.GetProperty("tasks").EnumerateArray()).GetProperty("patientId").GetString());
        Assert.False(countyFar.RootElement.GetProperty("tasks")[0].GetProperty("canClose").GetBoolean());
    }

    [Fact]
    public async Task Close_Visited_TaskLeavesTheListIsAuditedAndPushedToTheGrid()
    {
        var worker = await SeedThreeGridsAsync("w4");
        var taskId = await TaskIdAsync("w4-p-own");
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);
        await using var hub = await fixture.Dashboard.ConnectHubAsync(worker);
        var pushed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<string, string?, long>("CareTaskClosed", (_, grid, id) => pushed.TrySetResult(grid == "w4-own" ? id : -1));

        using var response = await PostCloseAsync(http, taskId, new { outcome = "visited", note = "上门测量 132/84，已提醒每周测量" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var closed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("done", "visited", worker), (closed.RootElement.GetProperty("state").GetString(), closed.RootElement.GetProperty("outcome").GetString(),
            closed.RootElement.GetProperty("closedBy").GetString()));
        Assert.Equal(taskId, await pushed.Task.WaitAsync(LiveDashboardFixture.Timeout));
        using var work = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/grid/work", UriKind.Relative)));
        Assert.Empty(work.RootElement.GetProperty("tasks").EnumerateArray());
        await using var db = Services.GetRequiredService<RegistryDatabase>().CreateContext();
        var row = await db.Tasks.SingleAsync(t => t.Id == taskId);
        Assert.Equal((CareTaskStates.Done, "visited", "上门测量 132/84，已提醒每周测量", worker, Now), (row.State, row.Outcome, row.Note, row.ClosedBy, row.ClosedAt));
        var audit = await db.Audit.SingleAsync(a => a.Action == "task.closed" && a.EntityId == taskId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((worker, "task", ClinicA, "outcome=visited alert=not-measured-w4-p-own"), (audit.Actor, audit.EntityType, audit.ClinicId, audit.Detail));
    }

    [Fact]
    public async Task Close_Twice_SecondIsConflictWithTheReason()
    {
        var worker = await SeedThreeGridsAsync("w5");
        var taskId = await TaskIdAsync("w5-p-own");
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);

        using var first = await PostCloseAsync(http, taskId, new { outcome = "called" });
        using var second = await PostCloseAsync(http, taskId, new { outcome = "visited" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"already done (closed by {worker}", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Services.GetRequiredService<RegistryDatabase>().CreateContext();
        Assert.Equal("called", (await db.Tasks.SingleAsync(t => t.Id == taskId)).Outcome);
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "task.closed" && a.EntityId == taskId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("emailed", 10, "outcome")]
    [InlineData(null, 10, "outcome")]
    [InlineData("called", 501, "note")]
    public async Task Close_BadBody_BadRequestNamingTheFieldAndTaskStaysOpen(string? outcome, int noteLength, string field)
    {
        var grid = "w6-" + field + (outcome ?? "none");
        var worker = await SeedThreeGridsAsync(grid);
        var taskId = await TaskIdAsync(grid + "-p-own");
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);

        using var response = await PostCloseAsync(http, taskId, new { outcome, note = new string('记', noteLength) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        await using var db = Services.GetRequiredService<RegistryDatabase>().CreateContext();
        Assert.Equal(CareTaskStates.Open, (await db.Tasks.SingleAsync(t => t.Id == taskId)).State);
    }

    [Fact]
    public async Task Close_WithoutAntiforgeryTokenOrOnTheDoctorsTask_IsRejected()
    {
        var worker = await SeedThreeGridsAsync("w7");
        var taskId = await TaskIdAsync("w7-p-own");
        await GridSeed.PatientAsync(Services, ClinicA, "w7-own", "w7-p-doc", "李*", Now.AddDays(-30), Now.AddDays(-15));
        var doctorsTask = await GridSeed.NotMeasuredTaskAsync(Services, ClinicA, "w7-own", "w7-p-doc", Now.AddDays(-1), UserRoles.Doctor);
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);

        using var forged = await http.PostAsJsonAsync(new Uri($"/api/grid/tasks/{taskId}/close", UriKind.Relative), new { outcome = "visited" });
        using var notTheirs = await PostCloseAsync(http, doctorsTask, new { outcome = "visited" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Fact]
    public async Task Close_NotMeasuredTask_DoesNotComeBackUntilTheEngineRaisesANewOne()
    {
        var worker = await GridSeed.GridWithWorkerAsync(Services, ClinicA, "w8-own");
        await GridSeed.PatientAsync(Services, ClinicA, "w8-own", "w8-p", "赵*芳", Now.AddDays(-8), null);
        // A gateway that just came online holds "not measured" back for a grace period; this one has been up for a month.
        await GridSeed.LongOnlineGatewayAsync(Services, ClinicA, "gw-w8", Now);
        var engine = Services.GetRequiredService<CloudClinic.Alerts.Engine.AlertEngine>();
        using var http = await fixture.Dashboard.SignedInClientAsync(worker);
        await engine.RunScheduleAsync(CancellationToken.None);
        var raised = Assert.Single(await OpenTasksAsync(http));

        using var close = await PostCloseAsync(http, raised.GetProperty("taskId").GetInt64(), new { outcome = "called" });
        await engine.RunScheduleAsync(CancellationToken.None);
        var afterClose = await OpenTasksAsync(http);
        // The patient measures (the engine resolves the alert), then stays silent for 7 days again: a new alert, a new task.
        await engine.ProcessReadingsAsync([Samples.BloodPressure(ClinicA, "gw-w8", "w8-r1", 128, 80, Now.AddDays(-7.5), "w8-p")], CancellationToken.None);
        await engine.RunScheduleAsync(CancellationToken.None);
        var renewed = Assert.Single(await OpenTasksAsync(http));

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Empty(afterClose);
        Assert.NotEqual(raised.GetProperty("alertId").GetString(), renewed.GetProperty("alertId").GetString());
        Assert.Equal(7, renewed.GetProperty("daysNotMeasured").GetInt32());
    }

    /// <summary>Grids "{p}-own" (with its worker), "{p}-next" (same clinic A) and "{p}-far" (clinic B), one silent patient and task each.</summary>
    private async Task<string> SeedThreeGridsAsync(string prefix)
    {
        await fixture.Dashboard.EnsureAccountsAsync();
        var worker = await GridSeed.GridWithWorkerAsync(Services, ClinicA, prefix + "-own");
        await GridSeed.GridWithWorkerAsync(Services, ClinicA, prefix + "-next");
        await GridSeed.GridWithWorkerAsync(Services, ClinicB, prefix + "-far");
        foreach (var (clinic, place) in new[] { (ClinicA, "own"), (ClinicA, "next"), (ClinicB, "far") })
        {
            var patient = $"{prefix}-p-{place}";
            await GridSeed.PatientAsync(Services, clinic, $"{prefix}-{place}", patient, "王*明", Now.AddDays(-40), Now.AddDays(-9).AddHours(-2));
            await GridSeed.NotMeasuredTaskAsync(Services, clinic, $"{prefix}-{place}", patient, Now.AddDays(-2));
        }

        return worker;
    }

    private async Task<long> TaskIdAsync(string patientId)
    {
        await using var db = Services.GetRequiredService<RegistryDatabase>().CreateContext();
        return await db.Tasks.Where(t => t.PatientId == patientId).Select(t => t.Id).SingleAsync();
    }

    private static async Task<JsonElement[]> OpenTasksAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/grid/work", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.Clone())];
    }

    private static async Task<HttpResponseMessage> PostCloseAsync(HttpClient http, long taskId, object body)
    {
        var token = await AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/grid/tasks/{taskId}/close", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(token.Header, token.Value);
        return await http.SendAsync(request);
    }
}
