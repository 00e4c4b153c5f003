using System.Text.RegularExpressions;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The grid worker's phone page in headless Chromium at a phone viewport (390×844, zh-CN).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GridBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Clinic = BrowserSamples.Clinic;
    private const string Grid = "grid-browser";

    [Fact]
    public async Task GridPage_GridWorkerOnPhone_ShowsTasksAndAlertsLiveClosesTaskAsVisitedAndSwitchesToEnglish()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        var services = factory.Services;
        var now = TimeProvider.System.GetUtcNow();
        var worker = await GridSeed.GridWithWorkerAsync(services, Clinic, Grid);
        await GridSeed.PatientAsync(services, Clinic, Grid, "p-grid-1", "王*明", now.AddDays(-60), now.AddDays(-9).AddHours(-1));
        await GridSeed.PatientAsync(services, Clinic, Grid, "p-grid-2", "李*兰", now.AddDays(-60), now.AddDays(-8).AddHours(-1));
        await GridSeed.PatientAsync(services, Clinic, Grid, "p-grid-3", "张*华", now.AddDays(-60), now.AddMinutes(-25));
        var visitTask = await GridSeed.NotMeasuredTaskAsync(services, Clinic, Grid, "p-grid-1", now.AddDays(-2));
        await GridSeed.NotMeasuredTaskAsync(services, Clinic, Grid, "p-grid-2", now.AddDays(-1));
        await GridSeed.AlertAsync(services, "grid-urgent-1", Clinic, Grid, "p-grid-3", AlertSeverities.Urgent, now.AddMinutes(-25),
            """{"systolic":186,"diastolic":116,"pulse":104}""", """["irregularPulse"]""");

        // Signed in with the default return address ("/"), a grid worker lands on the grid page.
        var page = await browser.OpenAsync("/", width: 390, height: 844, userId: worker);
        await Expect(page).ToHaveURLAsync(GridPageUrl());
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        // The wall is clinic-wide: not offered to a grid worker.
        await Expect(page.Locator("nav a[href='index.html']")).ToBeHiddenAsync();
        var tasks = page.Locator("[data-testid=grid-task]");
        var alerts = page.Locator("[data-testid=grid-alert]");
        await Expect(tasks).ToHaveCountAsync(2);
        await Expect(tasks.First.Locator("[data-testid=grid-task-patient]")).ToHaveTextAsync("王*明");
        await Expect(tasks.First.Locator("[data-testid=grid-task-days]")).ToHaveTextAsync("9 天未测量");
        await Expect(alerts).ToHaveCountAsync(1);
        await Expect(alerts.First.Locator("[data-testid=grid-alert-values]")).ToContainTextAsync("186/116 mmHg");
        await Expect(alerts.First.Locator("[data-testid=grid-alert-flags]")).ToHaveTextAsync("心律不齐");
        await Expect(alerts.First.Locator("[data-testid=grid-alert-age]")).ToHaveTextAsync(MinutesAgo());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll at 390 px");
        var button = await tasks.First.Locator("[data-testid=grid-visited]").BoundingBoxAsync();
        Assert.True(button is { Height: >= 48 }, $"touch target {button?.Height} px high");
        await BrowserFixture.ScreenshotAsync(page, "grid-phone-zh.png");

        // Live: the engine's event for a new alert of the grid arrives over the hub and the page shows it.
        await GridSeed.AlertAsync(services, "grid-warn-2", Clinic, Grid, "p-grid-2", AlertSeverities.Warning, now, """{"systolic":152,"diastolic":94}""");
        await browser.Broker.PublishAsync(Topics.Alerts(Clinic), Samples.Json(new AlertEventMessage
        {
            Schema = AlertEventMessage.SchemaV1, Event = AlertEvents.Raised, AlertId = "grid-warn-2", Rule = "bp-above-target",
            Severity = AlertSeverities.Warning, State = AlertStates.Open, ClinicId = Clinic, GridId = Grid, PatientId = "p-grid-2", At = now,
        }));
        await Expect(alerts).ToHaveCountAsync(2);

        var first = page.Locator($"[data-testid=grid-task][data-task-id=\"{visitTask}\"]");
        await first.Locator("[data-testid=grid-task-note]").FillAsync("上门测量 138/86，已提醒每周测量");
        await first.Locator("[data-testid=grid-visited]").ClickAsync();
        await Expect(first).ToHaveCountAsync(0);
        await Expect(tasks).ToHaveCountAsync(1);
        await using (var db = factory.GetRequiredService<RegistryDatabase>().CreateContext())
        {
            var closed = await db.Tasks.SingleAsync(t => t.Id == visitTask);
            Assert.Equal((CareTaskStates.Done, "visited", "上门测量 138/86，已提醒每周测量", worker), (closed.State, closed.Outcome, closed.Note, closed.ClosedBy));
        }

        var urgent = page.Locator("[data-testid=grid-alert][data-alert-id=grid-urgent-1]");
        await urgent.Locator("[data-testid=grid-alert-note]").FillAsync("已电话联系家属");
        await urgent.Locator("[data-testid=grid-acknowledge]").ClickAsync();
        await Expect(urgent).ToHaveAttributeAsync("data-state", AlertStates.Acknowledged);

        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#grid-tasks-title")).ToContainTextAsync("Not measured");
        await Expect(tasks.First.Locator("[data-testid=grid-task-days]")).ToHaveTextAsync("Not measured for 8 days");
        await Expect(tasks.First.Locator("[data-testid=grid-called]")).ToHaveTextAsync("Called");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll in English");
        await BrowserFixture.ScreenshotAsync(page, "grid-phone-en.png");
        Assert.Empty(browser.PageErrors[page]);
    }

    [Fact]
    public async Task GridPage_Doctor_PicksAnotherGridOfTheClinicAndSeesItsTasks()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        var services = factory.Services;
        var now = TimeProvider.System.GetUtcNow();
        await GridSeed.GridWithWorkerAsync(services, TestAccounts.ClinicA, "grid-browser-a2");
        await GridSeed.PatientAsync(services, TestAccounts.ClinicA, "grid-browser-a2", "p-grid-a2", "周*平", now.AddDays(-60), now.AddDays(-10).AddHours(-1));
        var taskId = await GridSeed.NotMeasuredTaskAsync(services, TestAccounts.ClinicA, "grid-browser-a2", "p-grid-a2", now.AddDays(-3));

        var page = await browser.OpenAsync("/grid.html", width: 390, height: 844, userId: TestAccounts.Doctor);
        var select = page.Locator("[data-testid=grid-select]");
        await Expect(select).ToBeVisibleAsync();
        await Expect(page.Locator("nav a[href='index.html']")).ToBeVisibleAsync();
        await select.SelectOptionAsync("grid-browser-a2");

        await Expect(page).ToHaveURLAsync(new Regex(@"grid\.html\?grid=grid-browser-a2$"));
        var task = page.Locator($"[data-testid=grid-task][data-task-id=\"{taskId}\"]");
        await Expect(task.Locator("[data-testid=grid-task-days]")).ToHaveTextAsync("10 天未测量");
        // A doctor may close a grid task too (a clinical action within their clinic).
        await task.Locator("[data-testid=grid-called]").ClickAsync();
        await Expect(task).ToHaveCountAsync(0);
        Assert.Empty(browser.PageErrors[page]);
    }

    [GeneratedRegex(@"/grid\.html$")]
    private static partial Regex GridPageUrl();

    /// <summary>25 minutes, or 26 when the clock turned over a minute while the page loaded.</summary>
    [GeneratedRegex("^2[56] 分钟前$")]
    private static partial Regex MinutesAgo();
}
