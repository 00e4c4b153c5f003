using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Rules;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Tests.Admin;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Tests.CarePlans;

/// <summary>
/// <c>/api/patients/{id}/care-plan</c> as the patient page uses it, against the real registry and the real alert engine:
/// each test has a clinic of its own (<see cref="AdminDashboardFixture.NewClinicAsync"/>: doctor "{clinic}-dr") and a
/// patient born 1950 without conditions (guideline default &lt;140/90).
/// </summary>
public sealed class PatientCarePlanApiTests(AdminDashboardFixture fixture) : IClassFixture<AdminDashboardFixture>
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Put_DoctorLowersSystolicTarget_AuditedAndEngineRaisesAboveTargetBetweenOldAndNew()
    {
        var (http, patient) = await ClinicWithPatientAsync("cp-engine");
        var engine = fixture.Service<AlertEngine>();
        var before = await http.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));
        var targetsBefore = await TargetsAsync(http, patient);
        var underOldTarget = await engine.ProcessReadingsAsync([Reading("cp-engine", "cp-engine-r1", 135, 78, patient, Now.AddMinutes(-20))], default);

        using var put = await SendAsync(http, HttpMethod.Put, Url(patient), Body(before!.Plan.Current, ("systolicTargetMmHg", 130)));
        var saved = await put.Content.ReadFromJsonAsync<PatientCarePlanDto>();
        var targetsAfter = await TargetsAsync(http, patient);
        var underNewTarget = await engine.ProcessReadingsAsync([Reading("cp-engine", "cp-engine-r2", 135, 78, patient, Now.AddMinutes(-10))], default);

        Assert.Equal((true, false, "general"), (before.CanEdit, before.Plan.Individual, before.BloodPressureBasis));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((true, 130, 140, "Dr"), (saved!.Plan.Individual, saved.Plan.Current.SystolicTargetMmHg, saved.Plan.Defaults.SystolicTargetMmHg, saved.UpdatedBy));
        // The page's chart band follows at once (the dashboard's target cache forgets the patient on a save).
        Assert.Equal((140, "guideline-default"), targetsBefore);
        Assert.Equal((130, "care-plan"), targetsAfter);
        Assert.DoesNotContain(underOldTarget, e => e.Rule == RuleIds.BpAboveTarget);
        Assert.Contains(underNewTarget, e => e.Rule == RuleIds.BpAboveTarget && e.PatientId == patient);
        await using var db = Registry();
        var audit = await db.Audit.SingleAsync(a => a.EntityId == patient && a.Action == "careplan.updated");
        Assert.Equal(("cp-engine-dr", "cp-engine"), (audit.Actor, audit.ClinicId));
        Assert.Equal("defaults->individual: systolicTargetMmHg 140->130", audit.Detail);
    }

    [Theory]
    [InlineData("systolicTargetMmHg", 99, "systolicTargetMmHg")]
    [InlineData("systolicTargetMmHg", 100, null)]
    [InlineData("systolicTargetMmHg", 181, "systolicTargetMmHg")]
    // In range, but not below the urgent limit (180): the order check names the limit it collides with.
    [InlineData("systolicTargetMmHg", 180, "systolicUrgentMmHg")]
    [InlineData("diastolicTargetMmHg", 59, "diastolicTargetMmHg")]
    // At the range's floor but not above the low limit (60): refused by the order check.
    [InlineData("diastolicTargetMmHg", 60, "diastolicUrgentMmHg")]
    [InlineData("diastolicTargetMmHg", 61, null)]
    [InlineData("fastingGlucoseTargetMmolL", 4.3, "fastingGlucoseTargetMmolL")]
    [InlineData("fastingGlucoseTargetMmolL", 4.4, null)]
    [InlineData("nonFastingGlucoseTargetMmolL", 16.8, "nonFastingGlucoseTargetMmolL")]
    [InlineData("notMeasuredDoctorDays", 181, "notMeasuredDoctorDays")]
    [InlineData("notMeasuredTaskDays", 0, "notMeasuredTaskDays")]
    [InlineData("notMeasuredTaskDays", 1, null)]
    [InlineData("notMeasuredTaskDays", 14, "notMeasuredDoctorDays")]
    public async Task Put_Boundary_RefusedWithTheFieldOrSaved(string field, double value, string? refusedColumn)
    {
        var clinic = $"cp-b-{field[..4].ToLowerInvariant()}-{value.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', '-')}";
        var (http, patient) = await ClinicWithPatientAsync(clinic);
        var view = await http.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));

        using var put = await SendAsync(http, HttpMethod.Put, Url(patient), Body(view!.Plan.Current, (field, value)));

        await using var db = Registry();
        var saved = await db.CarePlans.AnyAsync(c => c.PatientId == patient);
        var audited = await db.Audit.AnyAsync(a => a.EntityId == patient);
        if (refusedColumn is null)
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.True(saved && audited);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problems = (await put.Content.ReadFromJsonAsync<List<FieldProblemDto>>())!;
        Assert.Contains(problems, p => p.Column == refusedColumn && p.Code == "outOfRange");
        Assert.False(saved || audited);
    }

    [Fact]
    public async Task Delete_AfterPut_ReturnsToDefaultsAndAuditsTheReset()
    {
        var (http, patient) = await ClinicWithPatientAsync("cp-reset");
        var view = await http.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));
        using var put = await SendAsync(http, HttpMethod.Put, Url(patient),
            Body(view!.Plan.Current, ("diastolicTargetMmHg", 85), ("fastingGlucoseTargetMmolL", 6.5)));

        using var delete = await SendAsync(http, HttpMethod.Delete, Url(patient));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var reset = (await delete.Content.ReadFromJsonAsync<PatientCarePlanDto>())!;
        Assert.False(reset.Plan.Individual);
        Assert.Equal(reset.Plan.Defaults, reset.Plan.Current);
        Assert.Null(reset.UpdatedAt);
        Assert.Equal((90, "guideline-default"), await TargetsAsync(http, patient, diastolic: true));
        await using var db = Registry();
        Assert.False(await db.CarePlans.AnyAsync(c => c.PatientId == patient));
        var audit = await db.Audit.SingleAsync(a => a.EntityId == patient && a.Action == "careplan.reset");
        Assert.Equal("individual->defaults: diastolicTargetMmHg 85->90; fastingGlucoseTargetMmolL 6.5->7", audit.Detail);
    }

    [Fact]
    public async Task Get_GridWorkerOfThePatientsGrid_ReadsWithoutEditAndCannotPut()
    {
        var (doctor, patient) = await ClinicWithPatientAsync("cp-grid");
        var accounts = fixture.Service<UserAccounts>();
        await accounts.SetAsync(new User { Id = "cp-grid-gw", DisplayName = "网格员", Role = UserRoles.GridWorker, ClinicId = "cp-grid", GridId = "cp-grid-g1" },
            TestAccounts.Password("cp-grid-gw"), "test", default);
        using var worker = await fixture.Dashboard.SignedInClientAsync("cp-grid-gw");

        var seen = await worker.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));
        using var put = await SendAsync(worker, HttpMethod.Put, Url(patient), Body(seen!.Plan.Current, ("systolicTargetMmHg", 130)));
        using var delete = await SendAsync(worker, HttpMethod.Delete, Url(patient));
        var doctorView = await doctor.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));

        Assert.False(seen.CanEdit);
        Assert.True(doctorView!.CanEdit);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (put.StatusCode, delete.StatusCode));
        Assert.Contains(seen.Limits, l => l is { Field: "systolicTargetMmHg", Min: 100, Max: 180 });
    }

    [Fact]
    public async Task Put_WithoutAntiforgeryToken_IsRejectedAndNothingSaved()
    {
        var (http, patient) = await ClinicWithPatientAsync("cp-csrf");
        var view = await http.GetFromJsonAsync<PatientCarePlanDto>(Url(patient));

        using var put = await http.PutAsync(new Uri(Url(patient), UriKind.Relative), Body(view!.Plan.Current, ("systolicTargetMmHg", 130)));
        using var delete = await http.DeleteAsync(new Uri(Url(patient), UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (put.StatusCode, delete.StatusCode));
        await using var db = Registry();
        Assert.False(await db.CarePlans.AnyAsync(c => c.PatientId == patient));
    }

    private static string Url(string patient) => $"/api/patients/{patient}/care-plan";

    /// <summary>A clinic with grid "{clinic}-g1", its doctor signed in, and a patient "{clinic}-p" in that grid.</summary>
    private async Task<(HttpClient Doctor, string Patient)> ClinicWithPatientAsync(string clinic)
    {
        (await fixture.NewClinicAsync(clinic)).Dispose();
        var patient = clinic + "-p";
        await TestAccounts.AddPatientAsync(fixture.Dashboard.Services, patient, clinic, clinic + "-g1");
        return (await fixture.Dashboard.SignedInClientAsync(clinic + "-dr"), patient);
    }

    /// <summary>The plan as sent by the page: every number of <paramref name="current"/>, some replaced.</summary>
    private static JsonContent Body(CarePlanTargets current, params (string Field, double Value)[] changes)
    {
        var json = JsonSerializer.SerializeToNode(current, JsonSerializerOptions.Web)!.AsObject();
        foreach (var (field, value) in changes)
        {
            json[field] = value;
        }

        return JsonContent.Create(json);
    }

    private static async Task<(int, string)> TargetsAsync(HttpClient http, string patient, bool diastolic = false)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/patients/{patient}/targets", UriKind.Relative)));
        var root = json.RootElement;
        return (root.GetProperty(diastolic ? "diastolicBelowMmHg" : "systolicBelowMmHg").GetInt32(), root.GetProperty("source").GetString()!);
    }

    private static CloudClinic.Contracts.ReadingMessage Reading(string clinic, string id, double systolic, double diastolic, string patient, DateTimeOffset at) =>
        Samples.BloodPressure(clinic, "gw-" + clinic, id, systolic, diastolic, at, patient) with { Flags = [] };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, HttpContent? body = null) =>
        await AdminDashboardFixture.SendAsync(http, method, url, body);

    private RegistryDbContext Registry() => fixture.Service<RegistryDatabase>().CreateContext();
}
