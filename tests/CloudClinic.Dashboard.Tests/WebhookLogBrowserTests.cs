using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using static Microsoft.Playwright.Assertions;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// The robot webhook delivery log on the gateways page (issue 6: a failed delivery is shown, never silent): a robot
/// that gave up on an alert shows as failing with the alert, the attempts and the receiver's answer; the robot's
/// secret key never reaches the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhookLogBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RobotKey = "robot-secret-key-0042";

    [Fact]
    public async Task GatewaysPage_RobotWithFinalFailure_ShownAsFailingWithReason_KeyNotSent()
    {
        var factory = browser.Dashboard.Factory;
        await factory.EnsureAccountsAsync();
        var registry = factory.GetRequiredService<RegistryDatabase>();
        await registry.EnsureMigratedAsync(default);
        var at = TimeProvider.System.GetUtcNow();
        await using (var db = registry.CreateContext())
        {
            var ok = new WebhookSubscription { ClinicId = BrowserSamples.Clinic, Name = "值班医生群", Url = $"https://robot.example/send?key={RobotKey}", Format = WebhookFormats.WeCom };
            var failing = new WebhookSubscription { ClinicId = BrowserSamples.Clinic, GridId = "grid-7", Name = "网格七", Url = $"https://robot.example/send?access_token={RobotKey}", Format = WebhookFormats.DingTalk };
            db.WebhookSubscriptions.AddRange(ok, failing);
            await db.SaveChangesAsync();
            db.WebhookDeliveries.AddRange(
                Delivery(ok.Id, "alert-1", 1, at, 200, null, succeeded: true, final: true),
                Delivery(failing.Id, "alert-1", 1, at, 500, "server error", succeeded: false, final: false),
                Delivery(failing.Id, "alert-1", 5, at, 500, "server error", succeeded: false, final: true));
            await db.SaveChangesAsync();
        }

        var page = await browser.OpenAsync("/gateways.html");
        var cards = page.Locator("[data-testid=webhook-card]");
        await Expect(cards).ToHaveCountAsync(2);
        var failingCard = cards.Filter(new() { HasText = "网格七" });
        await Expect(failingCard).ToHaveAttributeAsync("data-state", "failing");
        await Expect(failingCard.Locator("[data-testid=webhook-failed]")).ToHaveTextAsync("1");
        await Expect(failingCard.Locator("[data-testid=webhook-failure]")).ToContainTextAsync("HTTP 500");
        await Expect(failingCard.Locator("[data-testid=webhook-failure]")).ToContainTextAsync("已尝试 5 次");
        await Expect(cards.Filter(new() { HasText = "值班医生群" })).ToHaveAttributeAsync("data-state", "ok");
        Assert.DoesNotContain(RobotKey, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "gateways-webhooks-zh.png");
        Assert.Empty(browser.PageErrors[page]);
    }

    private static WebhookDelivery Delivery(long subscription, string alertId, int attempt, DateTimeOffset at, int status, string? error, bool succeeded, bool final) => new()
    {
        SubscriptionId = subscription,
        OutboxEntryId = 1,
        AlertId = alertId,
        Event = "raised",
        Attempt = attempt,
        At = at,
        StatusCode = status,
        Error = error,
        Succeeded = succeeded,
        Final = final,
    };
}
