using System.Diagnostics;
using System.Globalization;
using CloudClinic.Testing;
using Microsoft.Playwright;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>The newcomer's one command (README): the all-in-one demo shows readings and an alert within a minute.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task DemoHost_OpenedInBrowser_ShowsReadingsAndAnAlertWithinAMinute()
    {
        var url = "http://127.0.0.1:" + FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
        var dataDirectory = Directory.CreateTempSubdirectory("cloudclinic-demo-").FullName;
        var started = Stopwatch.StartNew();
        await using var demo = HostProcesses.Start(HostProcesses.Dashboard,
            new Dictionary<string, string?> { ["Demo__DataDirectory"] = dataDirectory }, "--demo", "--urls", url);
        await demo.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
        var startup = started.Elapsed;
        // The demo prints one account per role ("  demo account: doctor / <password>") once it has started.
        await demo.WaitForOutputAsync("demo account: county-admin /", TimeSpan.FromSeconds(30));
        var doctorLine = demo.Output.Split('\n').Single(l => l.Contains("demo account: doctor /", StringComparison.Ordinal));
        var password = doctorLine[(doctorLine.LastIndexOf('/') + 1)..].Trim();

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(url);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("signin\\.html"));
        await page.Locator("[data-testid=signin-user]").FillAsync("doctor");
        await page.Locator("[data-testid=signin-password]").FillAsync(password);
        await Assertions.Expect(page.Locator("[data-testid=signin-submit]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=reading]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=alert]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Browser.ScreenshotAsync(page, "demo-zh.png");

        await page.Locator("#lang-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Browser.ScreenshotAsync(page, "demo-en.png");

        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "demo-timing.txt"),
            $"demo start-up to listening: {startup.TotalSeconds:F1} s; first alert visible after {started.Elapsed.TotalSeconds:F1} s\n");
        Directory.Delete(dataDirectory, recursive: true);
    }
}
