using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests.CarePlans;

/// <summary>The patient page's care-plan panel in headless Chromium: a doctor edits, a grid worker only reads.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientCarePlanBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Patient = "p-care-plan";

    [Fact]
    public async Task CarePlan_DoctorEditsAndSaves_NewTargetAndBandShownAndGridWorkerHasNoEditButton()
    {
        await SeedAsync();
        var page = await browser.OpenAsync($"/patient.html?id={Patient}", userId: TestAccounts.Doctor);
        var panel = page.Locator("[data-testid=care-plan]");
        var bp = page.Locator("[data-testid=bp-chart]");
        var systolic = page.Locator("[data-testid=care-plan-row][data-field=systolicTargetMmHg]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "ready");
        await Expect(bp).ToHaveAttributeAsync("data-band-high", "140");
        await Expect(systolic.Locator("[data-part=current]")).ToHaveTextAsync("< 140 mmHg");
        await Expect(systolic).ToContainTextAsync("规范第三版");
        await Expect(page.Locator("[data-testid=care-plan-doctor]")).ToContainTextAsync("Doctor A");

        await page.Locator("[data-testid=care-plan-edit]").ClickAsync();
        var input = page.Locator("[data-testid=plan-edit-systolicTargetMmHg]");
        var error = page.Locator("[data-testid=plan-error-systolicTargetMmHg]");
        await input.FillAsync("1400");
        await page.Locator("[data-testid=care-plan-save]").ClickAsync();
        await Expect(error).ToHaveTextAsync("应在 100–180 mmHg 之间");
        await Expect(panel).ToHaveAttributeAsync("data-error-source", "client");

        // In the browser's range, refused by the server's order check (the urgent limit is 180): shown at the same field.
        await input.FillAsync("180");
        await page.Locator("[data-testid=care-plan-save]").ClickAsync();
        await Expect(error).ToHaveTextAsync("须高于过低界限 90 且低于紧急界限 180 mmHg");
        await Expect(panel).ToHaveAttributeAsync("data-error-source", "server");
        await BrowserFixture.ScreenshotAsync(page, "patient-care-plan-edit.png");

        await input.FillAsync("130");
        await page.Locator("[data-testid=plan-edit-fastingGlucoseTargetMmolL]").FillAsync("6.5");
        await page.Locator("[data-testid=care-plan-save]").ClickAsync();

        await Expect(page.Locator("[data-testid=care-plan-notice]")).ToHaveTextAsync("已保存，图表的目标范围已更新");
        await Expect(systolic.Locator("[data-part=current]")).ToHaveTextAsync("< 130 mmHg");
        await Expect(page.Locator("[data-testid=care-plan-row][data-field=fastingGlucoseTargetMmolL] [data-part=current]")).ToHaveTextAsync("< 6.5 mmol/L");
        await Expect(panel).ToHaveAttributeAsync("data-individual", "true");
        await Expect(bp).ToHaveAttributeAsync("data-band-high", "130");
        await Expect(page.Locator("[data-testid=glucose-chart]")).ToHaveAttributeAsync("data-band-high", "6.5");
        await Expect(page.Locator("[data-testid=targets]")).ToHaveAttributeAsync("data-source", "care-plan");
        await Expect(page.Locator("[data-testid=care-plan-status]")).ToContainTextAsync("Doctor A");
        await BrowserFixture.ScreenshotAsync(page, "patient-care-plan.png");
        Assert.Empty(browser.PageErrors[page]);

        var worker = await browser.OpenAsync($"/patient.html?id={Patient}", userId: TestAccounts.GridWorker);
        await Expect(worker.Locator("[data-testid=care-plan]")).ToHaveAttributeAsync("data-can-edit", "false");
        await Expect(worker.Locator("[data-testid=care-plan-row][data-field=systolicTargetMmHg] [data-part=current]")).ToHaveTextAsync("< 130 mmHg");
        await Expect(worker.Locator("[data-testid=care-plan-read-only]")).ToBeVisibleAsync();
        await Expect(worker.Locator("[data-testid=care-plan-edit]")).ToBeHiddenAsync();
        Assert.Empty(browser.PageErrors[worker]);
    }

    [Fact]
    public async Task CarePlan_ResetAfterSave_BackToGuidelineDefaultsInEnglish()
    {
        await SeedAsync("p-care-plan-en");
        var page = await browser.OpenAsync("/patient.html?id=p-care-plan-en", userId: TestAccounts.Doctor);
        var panel = page.Locator("[data-testid=care-plan]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "ready");
        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        await page.Locator("[data-testid=care-plan-edit]").ClickAsync();
        await page.Locator("[data-testid=plan-edit-notMeasuredTaskDays]").FillAsync("3.5");
        await page.Locator("[data-testid=care-plan-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=plan-error-notMeasuredTaskDays]")).ToHaveTextAsync("Enter a whole number");
        await page.Locator("[data-testid=plan-edit-notMeasuredTaskDays]").FillAsync("3");
        await page.Locator("[data-testid=care-plan-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=care-plan-row][data-field=notMeasuredTaskDays] [data-part=current]")).ToHaveTextAsync("3 days");

        await page.Locator("[data-testid=care-plan-edit]").ClickAsync();
        await page.Locator("[data-testid=care-plan-reset]").ClickAsync();

        await Expect(page.Locator("[data-testid=care-plan-notice]")).ToHaveTextAsync("Back to the guideline defaults");
        await Expect(panel).ToHaveAttributeAsync("data-individual", "false");
        await Expect(page.Locator("[data-testid=care-plan-row][data-field=notMeasuredTaskDays] [data-part=current]")).ToHaveTextAsync("7 days");
        await Expect(page.Locator("[data-testid=care-plan-status]")).ToHaveTextAsync("Guideline defaults (no individual plan yet)");
        Assert.Empty(browser.PageErrors[page]);
    }

    /// <summary>A patient of clinic A in grid A1 (the test grid worker's), Doctor A responsible, with a week of readings.</summary>
    private async Task SeedAsync(string patient = Patient)
    {
        await browser.Dashboard.Factory.EnsureAccountsAsync();
        await TestAccounts.AddPatientAsync(browser.Dashboard.Factory.Services, patient, TestAccounts.ClinicA, TestAccounts.GridA);
        await using (var db = browser.Dashboard.Factory.GetRequiredService<RegistryDatabase>().CreateContext())
        {
            (await db.Patients.SingleAsync(p => p.Id == patient)).ResponsibleDoctorId = TestAccounts.Doctor;
            await db.SaveChangesAsync();
        }

        var now = TimeProvider.System.GetUtcNow();
        var readings = new List<ReadingMessage>();
        for (var day = 0; day < 6; day++)
        {
            var at = now.AddDays(-day).AddMinutes(-40);
            readings.Add(Samples.BloodPressure(TestAccounts.ClinicA, "gw-plan", $"{patient}-bp-{day}", 128 + (day * 3), 78 + day, at, patient) with { Flags = [] });
            readings.Add(Samples.Glucose(TestAccounts.ClinicA, "gw-plan", $"{patient}-fpg-{day}", 6.1 + (day * 0.2), at.AddMinutes(-30)) with
            {
                Meal = MealContexts.Fasting, PatientId = patient,
            });
        }

        await browser.Dashboard.Factory.GetRequiredService<IReadingStore>().WriteAsync(readings, CancellationToken.None);
    }
}
