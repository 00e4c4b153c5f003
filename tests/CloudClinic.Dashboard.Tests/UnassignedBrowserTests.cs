using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry.Model;
using CloudClinic.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The unassigned-readings page in headless Chromium over the real store, registry and alert engine.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnassignedBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string UnassignedDoctor = "doctor-unassigned";
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    [Fact]
    public async Task Unassigned_StoredReading_AssignedThenOnThePatientPageAndGoneFromTheList()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        await TestAccounts.AddPatientAsync(factory.Services, "p-assign-1", BrowserSamples.Clinic, null, "赵*军");
        await TestAccounts.AddPatientAsync(factory.Services, "p-assign-2", BrowserSamples.Clinic, null, "钱*红");
        await factory.GetRequiredService<UserAccounts>().SetAsync(
            new User { Id = UnassignedDoctor, DisplayName = "Dr U", Role = UserRoles.Doctor, ClinicId = BrowserSamples.Clinic },
            TestAccounts.Password(UnassignedDoctor), "test", CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var urgent = BrowserSamples.BloodPressure("ua-browser-bp", 184, 112, now.AddMinutes(-12));
        var glucose = Samples.Glucose(BrowserSamples.Clinic, "gw-browser-2", "ua-browser-glu", 6.4, now.AddMinutes(-40));
        await factory.GetRequiredService<IReadingStore>().WriteAsync([urgent, glucose], CancellationToken.None);

        var page = await browser.OpenAsync("/unassigned.html", userId: UnassignedDoctor);
        var row = page.Locator("[data-testid=unassigned-row][data-reading-id=ua-browser-bp]");
        await Expect(row).ToHaveAttributeAsync("data-severity", "urgent");
        await Expect(row).ToContainTextAsync("184/112");
        await Expect(row).ToContainTextAsync("gw-browser · bp-1");
        await Expect(row).ToContainTextAsync(urgent.MeasuredAt.ToOffset(ChinaStandardTime).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=unassigned-row][data-reading-id=ua-browser-glu]")).ToContainTextAsync("6.4");

        // The picker searches the clinic's patients by masked name.
        await row.Locator("[data-testid=patient-search]").FillAsync("赵");
        await Expect(row.Locator("[data-testid=patient-select] option[value=p-assign-1]")).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=patient-select] option[value=p-assign-2]")).ToHaveCountAsync(0);
        await Expect(row.Locator("[data-testid=patient-select]")).ToHaveValueAsync("p-assign-1");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-unassigned-zh.png");
        await row.Locator("[data-testid=assign]").ClickAsync();

        await Expect(page.Locator("[data-testid=assign-done]")).ToContainTextAsync("赵*军");
        await Expect(row).ToHaveCountAsync(0);
        await page.Locator("[data-testid=open-patient]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"patient\.html\?id=p-assign-1$"));
        await Expect(page.Locator("[data-testid=history-row][data-reading-id=ua-browser-bp]")).ToHaveCountAsync(1);

        await page.GotoAsync(browser.Dashboard.Url + "/unassigned.html");
        await Expect(page.Locator("[data-testid=unassigned-row][data-reading-id=ua-browser-glu]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=unassigned-row][data-reading-id=ua-browser-bp]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        await Expect(page.Locator("h2.page-title")).ToHaveTextAsync("Unassigned readings");
        await Expect(page.Locator("[data-testid=unassigned-row] [data-testid=assign]")).ToHaveTextAsync("Assign");
        Assert.Empty(browser.PageErrors[page]);
    }
}
