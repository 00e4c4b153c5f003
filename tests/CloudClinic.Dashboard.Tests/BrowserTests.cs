using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Storage;
using CloudClinic.Storage.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The pages in headless Debian Chromium against the real Kestrel host, fed through a real broker and store.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task LiveWall_ReadingPublishedToBroker_AppearsLiveColouredAndAsText()
    {
        var page = await browser.OpenAsync("/");
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        var urgent = BrowserSamples.BloodPressure("wall-urgent", 182, 112, Now.AddSeconds(-5), patientId: "p-wall");
        var normal = BrowserSamples.BloodPressure("wall-normal", 128, 78, Now.AddSeconds(-30), patientId: "p-wall-2");
        var hostile = BrowserSamples.BloodPressure("wall-xss", 150, 85, Now.AddSeconds(-60), patientId: "<img src=x onerror=window.__xss=1>");

        await browser.Broker.PublishAsync(Topics.Readings(BrowserSamples.Clinic, BrowserSamples.Gateway), ReadingPayload.Serialize([hostile, normal, urgent]));

        var urgentRow = page.Locator("[data-testid=reading][data-reading-id='wall-urgent']");
        await Expect(urgentRow).ToContainTextAsync("182/112");
        await Expect(urgentRow).ToHaveAttributeAsync("data-severity", "urgent");
        await Expect(page.Locator("[data-reading-id='wall-normal']")).ToHaveAttributeAsync("data-severity", "normal");
        var hostileRow = page.Locator("[data-reading-id='wall-xss']");
        await Expect(hostileRow).ToHaveAttributeAsync("data-severity", "above-target");
        await Expect(hostileRow).ToContainTextAsync("<img src=x onerror=window.__xss=1>");
        Assert.Equal(0, await hostileRow.Locator("img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));

        // Newest first.
        var order = await page.Locator("[data-testid=reading]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.readingId)");
        Assert.Equal(["wall-urgent", "wall-normal", "wall-xss"], order.Where(id => id.StartsWith("wall-", StringComparison.Ordinal)));
        await BrowserFixture.ScreenshotAsync(page, "live-wall-zh.png");
        Assert.Empty(browser.PageErrors[page]);
    }

    [Fact]
    public async Task LiveWall_ServerRestarts_ShowsLostBannerThenCatchesUpReadingsStoredMeanwhile()
    {
        using var data = new TempDirectory();
        await using var dashboard = KestrelDashboard.Start(browser.Broker.Url, data.Path);
        await dashboard.Factory.EnsureAccountsAsync();
        var page = await browser.OpenAsync("/", baseUrl: dashboard.Url);
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        var banner = page.Locator("[data-testid=connection-lost]");
        await Expect(banner).ToBeHiddenAsync();

        await dashboard.StopAsync();
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToHaveAttributeAsync("data-state", "lost");
        await BrowserFixture.ScreenshotAsync(page, "live-wall-connection-lost.png");

        // While the dashboard is down the ingest stores a reading (and the broker carries it to nobody).
        var missed = BrowserSamples.BloodPressure("missed-while-down", 165, 95, Now.AddSeconds(-2), patientId: "p-missed");
        var store = new SqliteReadingStore(dashboard.SqlitePath);
        await store.WriteAsync([missed], CancellationToken.None);
        await browser.Broker.PublishAsync(Topics.Readings(BrowserSamples.Clinic, BrowserSamples.Gateway), ReadingPayload.Serialize(missed));

        dashboard.StartAgain();
        var row = page.Locator("[data-testid=reading][data-reading-id='missed-while-down']");
        await Expect(row).ToContainTextAsync("165/95", new() { Timeout = 45_000 });
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(banner).ToHaveAttributeAsync("data-caught-up", "1");
        await BrowserFixture.ScreenshotAsync(page, "live-wall-caught-up.png");
        await Expect(page.Locator("[data-reading-id='missed-while-down']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task PatientPage_History_DrawsChartsWithTargetBandAndControlRate()
    {
        const string patient = "p-chart";
        var store = browser.Dashboard.Factory.GetRequiredService<IReadingStore>();
        var readings = new List<ReadingMessage>();
        // Each reading inside its own clinic day (Asia/Shanghai, UTC+8, no DST), whatever the hour the test runs: half
        // an hour before now was the day before between 00:00 and 00:30 there, and the 7-day chart then had 6 points.
        var now = Now.ToOffset(TimeSpan.FromHours(8));
        var sinceMidnight = now.TimeOfDay;
        for (var day = 0; day < 10; day++)
        {
            var at = now.AddDays(-day) - sinceMidnight / 2;
            // Days 0, 3, 6, 9 above the 140/90 target; the others in target.
            var high = day % 3 == 0;
            readings.Add(BrowserSamples.BloodPressure($"chart-bp-{day}", high ? 152 : 128, high ? 94 : 80, at, patient));
            readings.Add(BrowserSamples.Glucose($"chart-fpg-{day}", day % 2 == 0 ? 6.2 : 7.6, MealContexts.Fasting, at - sinceMidnight / 4, patient));
        }

        readings.Add(BrowserSamples.Glucose("chart-pp-1", 9.1, MealContexts.Postprandial, Now.AddDays(-1).AddHours(-2), patient));
        await store.WriteAsync(readings, CancellationToken.None);

        await TestAccounts.AddPatientAsync(browser.Dashboard.Factory.Services, patient, BrowserSamples.Clinic, null);
        var page = await browser.OpenAsync($"/patient.html?id={patient}&days=30");
        await Expect(page.Locator("#patient")).ToHaveAttributeAsync("data-state", "ready");
        var bp = page.Locator("[data-testid=bp-chart]");
        await Expect(bp).ToHaveAttributeAsync("data-band-drawn", "true");
        await Expect(bp).ToHaveAttributeAsync("data-band-high", "140");
        await Expect(bp).ToHaveAttributeAsync("data-points", "10");
        Assert.True(await bp.Locator("canvas").CountAsync() >= 1);
        var glucose = page.Locator("[data-testid=glucose-chart]");
        await Expect(glucose).ToHaveAttributeAsync("data-band-high", "7");
        await Expect(glucose).ToHaveAttributeAsync("data-fasting-points", "10");
        await Expect(glucose).ToHaveAttributeAsync("data-non-fasting-points", "1");
        await Expect(page.Locator("[data-testid=bp-control]")).ToHaveAttributeAsync("data-days-in-target", "6");
        await Expect(page.Locator("[data-testid=bp-control] [data-part=value]")).ToHaveTextAsync("60%");
        await Expect(page.Locator("[data-testid=last-bp] [data-part=value]")).ToContainTextAsync("152/94");
        await Expect(page.Locator("[data-testid=targets]")).ToHaveAttributeAsync("data-source", "guideline-default");
        await BrowserFixture.ScreenshotAsync(page, "patient-zh.png");

        await page.Locator("[data-testid=days-7]").ClickAsync();
        await Expect(page.Locator("#patient")).ToHaveAttributeAsync("data-days", "7");
        await Expect(bp).ToHaveAttributeAsync("data-points", "7");
        Assert.Empty(browser.PageErrors[page]);
    }

    [Fact]
    public async Task LanguageSwitch_Clicked_WallAndGatewaysTurnEnglish()
    {
        var status = Samples.Online(backlog: 12) with { Version = "1.4.2", At = Now };
        await browser.Broker.PublishAsync(Topics.Status(BrowserSamples.Clinic, BrowserSamples.Gateway), Samples.Json(status), retain: true);
        var page = await browser.OpenAsync("/");
        await Expect(page.Locator("#readings-title")).ToHaveTextAsync("今日测量");

        await page.Locator("#lang-switch").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#readings-title")).ToHaveTextAsync("Today's readings");
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("中文");
        await BrowserFixture.ScreenshotAsync(page, "live-wall-en.png");

        await page.Locator("nav a[href='gateways.html']").ClickAsync();
        var card = page.Locator($"[data-testid=gateway-card][data-gateway-id='{BrowserSamples.Gateway}']");
        await Expect(card).ToHaveAttributeAsync("data-state", "online");
        await Expect(card.Locator("[data-testid=gateway-backlog]")).ToHaveTextAsync("12");
        await Expect(card).ToContainTextAsync("Version 1.4.2");
        await Expect(card.Locator("[data-testid=device]")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "gateways-en.png");
    }

    [Fact]
    public async Task LiveWall_PhoneViewport_FitsTheScreenWidth()
    {
        var reading = BrowserSamples.BloodPressure("phone-1", 146, 88, Now.AddSeconds(-3), patientId: "p-phone");
        await new SqliteReadingStore(browser.Dashboard.SqlitePath).WriteAsync([reading], CancellationToken.None);

        var page = await browser.OpenAsync("/", width: 390, height: 844);

        await Expect(page.Locator("[data-reading-id='phone-1']")).ToHaveAttributeAsync("data-severity", "above-target");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await BrowserFixture.ScreenshotAsync(page, "live-wall-phone.png");
    }
}
