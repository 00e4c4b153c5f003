using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry.Model;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests;

/// <summary>Sign-in page and alert inbox in headless Chromium, with the real ingest and alert engine beside the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string InboxDoctor = "doctor-browser";
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Inbox_UrgentReadingPublished_AlertFlashesThenDoctorAcknowledgesAndEventIsPublished()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        await TestAccounts.AddPatientAsync(factory.Services, "p-inbox", BrowserSamples.Clinic, null, "<img src=x onerror=alert(1)>");
        await factory.GetRequiredService<UserAccounts>().SetAsync(
            new User { Id = InboxDoctor, DisplayName = "Dr <b>Browser</b>", Role = UserRoles.Doctor, ClinicId = BrowserSamples.Clinic },
            TestAccounts.Password(InboxDoctor), "test", CancellationToken.None);
        var settings = factory.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        using var ingest = await IngestHost.StartAsync(browser.Broker.Url, settings["Storage:SqlitePath"]!, settings["Storage:Registry"]!);

        var page = await browser.OpenAsync("/inbox.html", userId: InboxDoctor);
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await page.Locator("[data-testid=alarm-switch]").ClickAsync(); // sound needs a user gesture
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm", "on");
        var urgent = BrowserSamples.BloodPressure("inbox-urgent", 186, 116, Now.AddSeconds(-3), patientId: "p-inbox");
        await browser.Broker.PublishAsync(Topics.Readings(BrowserSamples.Clinic, BrowserSamples.Gateway), ReadingPayload.Serialize(urgent));

        var item = page.Locator("[data-testid=inbox-alert][data-severity=urgent]");
        await Expect(item).ToHaveAttributeAsync("data-state", AlertStates.Open);
        // Auto-retrying: the inbox re-renders rows on every event, so read the style through the locator, not once.
        await Expect(item).ToHaveCSSAsync("animation-name", "inbox-flash");
        // The patient's (hostile) name is text, not markup: no <img> was created.
        await Expect(item.Locator("[data-testid=inbox-patient]")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await page.Locator("[data-testid=inbox] img").CountAsync());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm", "sounding");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm-beeps", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await BrowserFixture.ScreenshotAsync(page, "alert-inbox.png");

        await item.Locator("[data-testid=inbox-note]").FillAsync("已电话联系，复测");
        await item.Locator("[data-testid=inbox-acknowledge]").ClickAsync();

        await Expect(item).ToHaveAttributeAsync("data-state", AlertStates.Acknowledged);
        await Expect(item).ToHaveCSSAsync("animation-name", "none");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-alarm", "on"); // acknowledged: the sound stops
        var published = await browser.Broker.Published.WaitForAsync(
            messages => messages.Any(m => m.Topic == Topics.Alerts(BrowserSamples.Clinic) && m.PayloadText.Contains("\"acknowledged\"", StringComparison.Ordinal)),
            BrowserFixture.Timeout);
        var acknowledged = published.Select(m => m.Topic == Topics.Alerts(BrowserSamples.Clinic)
                ? JsonSerializer.Deserialize(m.Payload.Span, ContractJsonContext.Default.AlertEventMessage) : null)
            .Last(a => a?.Event == AlertEvents.Acknowledged)!;
        Assert.Equal((InboxDoctor, "已电话联系，复测", "p-inbox"), (acknowledged.By, acknowledged.Note, acknowledged.PatientId));

        // Resolved with a note: it leaves the open list for the history, with both steps and their notes.
        await item.Locator("[data-testid=inbox-note]").FillAsync("复测 132/84，已恢复");
        await item.Locator("[data-testid=inbox-resolve]").ClickAsync();
        await Expect(page.Locator("[data-testid=inbox] [data-testid=inbox-alert]")).ToHaveCountAsync(0);
        var history = page.Locator($"[data-testid=history-alert][data-alert-id='{acknowledged.AlertId}']");
        await Expect(history).ToContainTextAsync("确认于");
        await Expect(history).ToContainTextAsync("复测 132/84，已恢复");
        await BrowserFixture.ScreenshotAsync(page, "alert-inbox-history.png");
        Assert.Empty(browser.PageErrors[page]);
        await ingest.StopAsync();
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountAndSaysSo()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        await factory.GetRequiredService<UserAccounts>().SetAsync(
            new User { Id = "doctor-lockout", DisplayName = "L", Role = UserRoles.Doctor, ClinicId = TestAccounts.ClinicA }, "right-password", "test", CancellationToken.None);
        var page = await browser.OpenAsync("/signin.html", userId: null);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await BrowserFixture.ScreenshotAsync(page, "sign-in.png");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.Locator("[data-testid=signin-user]").FillAsync("doctor-lockout");
            await page.Locator("[data-testid=signin-password]").FillAsync("wrong-" + attempt);
            await Expect(page.Locator("[data-testid=signin-submit]")).ToBeEnabledAsync();
            // Each POST redirects to a new sign-in page: wait for that page, not the old one's error text.
            await page.EvaluateAsync("() => { window.beforeSubmit = true; }");
            await page.Locator("[data-testid=signin-submit]").ClickAsync();
            await page.WaitForFunctionAsync("() => !window.beforeSubmit && document.readyState === 'complete'");
            await Expect(page.Locator("[data-testid=signin-error]")).ToBeVisibleAsync();
        }

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("error=locked"));
        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        await Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("locked");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-locked-en.png");

        // The right password is refused too while locked.
        await page.Locator("[data-testid=signin-user]").FillAsync("doctor-lockout");
        await page.Locator("[data-testid=signin-password]").FillAsync("right-password");
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("signin\\.html\\?error=locked"));
    }
}
