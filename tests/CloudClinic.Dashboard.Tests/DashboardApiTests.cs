using System.Net;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The wall's and the patient page's HTTP API over the real SQLite store, at a fixed clinic clock.</summary>
public sealed class DashboardApiTests(FixedClockDashboardFixture fixture) : IClassFixture<FixedClockDashboardFixture>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Today_ReadingsAroundMidnight_ReturnsOnlyTheClinicsLocalDayNewestFirstWithColours()
    {
        var store = fixture.Dashboard.GetRequiredService<IReadingStore>();
        await store.WriteAsync(
            [
                Samples.BloodPressure("clinic-today", "gw", "yesterday-2359", 128, 80, new DateTimeOffset(2025, 3, 13, 23, 59, 59, Shanghai)),
                Samples.BloodPressure("clinic-today", "gw", "today-0000", 128, 80, new DateTimeOffset(2025, 3, 14, 0, 0, 0, Shanghai)),
                Samples.BloodPressure("clinic-today", "gw", "today-0900", 182, 112, new DateTimeOffset(2025, 3, 14, 9, 0, 0, Shanghai)),
                Samples.Glucose("clinic-today", "gw", "today-0910", 2.8, new DateTimeOffset(2025, 3, 14, 9, 10, 0, Shanghai)),
                Samples.BloodPressure("clinic-today", "gw", "tomorrow-0000", 128, 80, new DateTimeOffset(2025, 3, 15, 0, 0, 0, Shanghai)),
            ],
            CancellationToken.None);
        using var http = await fixture.Dashboard.SignedInClientAsync();

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/readings/today?clinic=clinic-today", UriKind.Relative)));

        var root = json.RootElement;
        Assert.Equal("2025-03-14", root.GetProperty("day").GetProperty("day").GetString());
        Assert.Equal("Asia/Shanghai", root.GetProperty("day").GetProperty("timeZone").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, Shanghai), root.GetProperty("day").GetProperty("start").GetDateTimeOffset());
        Assert.False(root.GetProperty("truncated").GetBoolean());
        var rows = root.GetProperty("readings").EnumerateArray()
            .Select(r => (r.GetProperty("reading").GetProperty("readingId").GetString(), r.GetProperty("severity").GetString()))
            .ToArray();
        Assert.Equal([("today-0910", "critical"), ("today-0900", "urgent"), ("today-0000", "normal")], rows);
    }

    [Fact]
    public async Task History_TenDaysOfReadings_ReturnsControlRateLastMeasuredAndTargets()
    {
        var store = fixture.Dashboard.GetRequiredService<IReadingStore>();
        var readings = new List<ReadingMessage>();
        for (var day = 0; day < 10; day++)
        {
            var at = Samples.Morning.AddDays(-day).AddHours(-1);
            readings.Add(Samples.BloodPressure("clinic-fixed", "gw", $"hist-bp-{day}", day < 3 ? 150 : 130, 80, at, patientId: "p-hist"));
            readings.Add(Samples.Glucose("clinic-fixed", "gw", $"hist-glu-{day}", day % 2 == 0 ? 7.4 : 6.0, at) with { Meal = MealContexts.Fasting, PatientId = "p-hist" });
        }

        await store.WriteAsync(readings, CancellationToken.None);
        using var http = await fixture.Dashboard.SignedInClientAsync();

        using var week = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/patients/p-hist/history?days=7", UriKind.Relative)));

        var root = week.RootElement;
        Assert.Equal(("2025-03-08", "2025-03-14"), (root.GetProperty("firstDay").GetString(), root.GetProperty("lastDay").GetString()));
        Assert.Equal(14, root.GetProperty("readings").GetArrayLength());
        var bp = root.GetProperty("control").GetProperty("bloodPressure");
        Assert.Equal((7, 4), (bp.GetProperty("daysMeasured").GetInt32(), bp.GetProperty("daysInTarget").GetInt32()));
        Assert.Equal(4 / 7d, bp.GetProperty("rate").GetDouble(), 6);
        var glucose = root.GetProperty("control").GetProperty("glucose");
        Assert.Equal((7, 3), (glucose.GetProperty("daysMeasured").GetInt32(), glucose.GetProperty("daysInTarget").GetInt32()));
        var last = root.GetProperty("lastBloodPressure");
        Assert.Equal(("hist-bp-0", "above-target"), (last.GetProperty("reading").GetProperty("readingId").GetString(), last.GetProperty("severity").GetString()));
        Assert.Equal(140, root.GetProperty("targets").GetProperty("systolicBelowMmHg").GetInt32());
        Assert.Equal(7.0, root.GetProperty("targets").GetProperty("fastingGlucoseBelowMmolL").GetDouble());
    }

    [Fact]
    public async Task Targets_PatientWithoutCarePlan_ReturnsGuidelineDefaults()
    {
        using var http = await fixture.Dashboard.SignedInClientAsync();

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/patients/p-any/targets", UriKind.Relative)));

        var targets = json.RootElement;
        Assert.Equal("guideline-default", targets.GetProperty("source").GetString());
        Assert.Equal((140, 90), (targets.GetProperty("systolicBelowMmHg").GetInt32(), targets.GetProperty("diastolicBelowMmHg").GetInt32()));
        Assert.Equal((4.4, 7.0, 10.0), (
            targets.GetProperty("fastingGlucoseLowMmolL").GetDouble(),
            targets.GetProperty("fastingGlucoseBelowMmolL").GetDouble(),
            targets.GetProperty("nonFastingGlucoseBelowMmolL").GetDouble()));
    }

    [Fact]
    public async Task Targets_RegisteredPatients_FollowAgeConditionsOrTheSavedCarePlan()
    {
        var services = fixture.Dashboard.Services;
        await TestAccounts.AddPatientAsync(services, "p-aged", "clinic-a", null);
        await TestAccounts.AddPatientAsync(services, "p-diabetic", "clinic-a", null);
        await TestAccounts.AddPatientAsync(services, "p-planned", "clinic-a", null);
        var database = services.GetRequiredService<CloudClinic.Registry.RegistryDatabase>();
        await using (var db = database.CreateContext())
        {
            (await db.Patients.FindAsync("p-aged"))!.BirthDate = new DateOnly(1930, 1, 1); // ≥ 80: 150/90
            (await db.Patients.FindAsync("p-diabetic"))!.BirthDate = new DateOnly(1960, 1, 1);
            db.PatientConditions.Add(new CloudClinic.Registry.Model.PatientCondition { PatientId = "p-diabetic", Condition = CloudClinic.Registry.Model.Conditions.Diabetes });
            var plan = CloudClinic.Alerts.CarePlans.CarePlanDefaults.For(70, []);
            db.CarePlans.Add(new CloudClinic.Registry.Model.CarePlan
            {
                PatientId = "p-planned", SystolicTargetMmHg = 135, DiastolicTargetMmHg = 85, SystolicUrgentMmHg = plan.SystolicUrgentMmHg,
                DiastolicUrgentMmHg = plan.DiastolicUrgentMmHg, SystolicLowMmHg = plan.SystolicLowMmHg, DiastolicLowMmHg = plan.DiastolicLowMmHg,
                FastingGlucoseTargetMmolL = 6.5, NonFastingGlucoseTargetMmolL = 9.0, GlucoseUrgentHighMmolL = plan.GlucoseUrgentHighMmolL,
                GlucoseUrgentLowMmolL = plan.GlucoseUrgentLowMmolL, GlucoseLevel2HypoMmolL = plan.GlucoseLevel2HypoMmolL,
                NotMeasuredTaskDays = 7, NotMeasuredDoctorDays = 14, Basis = "doctor", UpdatedBy = "doc",
            });
            await db.SaveChangesAsync();
        }

        using var http = await fixture.Dashboard.SignedInClientAsync();

        Assert.Equal(("guideline-default", 150, 90), await TargetsAsync(http, "p-aged"));
        Assert.Equal(("guideline-default", 130, 80), await TargetsAsync(http, "p-diabetic"));
        Assert.Equal(("care-plan", 135, 85), await TargetsAsync(http, "p-planned"));
    }

    private static async Task<(string?, int, int)> TargetsAsync(HttpClient http, string patientId)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/patients/{patientId}/targets", UriKind.Relative)));
        var t = json.RootElement;
        return (t.GetProperty("source").GetString(), t.GetProperty("systolicBelowMmHg").GetInt32(), t.GetProperty("diastolicBelowMmHg").GetInt32());
    }

    [Theory]
    [InlineData("/api/patients/p-1/history?days=8", "days")]
    [InlineData("/api/readings/today?clinic=Bad_Clinic", "clinic")]
    [InlineData("/api/clinic?clinic=Bad_Clinic", "clinic")]
    [InlineData("/api/alerts/history?days=91", "days")]
    [InlineData("/api/webhooks?clinic=Bad_Clinic", "clinic")]
    public async Task Api_BadQuery_Returns400NamingTheParameter(string url, string parameter)
    {
        using var http = await fixture.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/patient.html")]
    [InlineData("/api/clinic")]
    public async Task AnyResponse_CarriesSecurityHeaders(string url)
    {
        using var http = await fixture.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
