using CloudClinic.Dashboard.Hubs;
using CloudClinic.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// One Debian Chromium (headless, driven by Playwright, never downloaded), one broker and one Kestrel dashboard for
/// a test class; each test opens its own browser context. A .NET hub client proves the relay is subscribed before
/// any test publishes.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _data = new();
    private IPlaywright _playwright = null!;
    private HubConnection _probe = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public InProcessMqttBroker Broker { get; private set; } = null!;

    public KestrelDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await InProcessMqttBroker.StartAsync();
        Dashboard = KestrelDashboard.Start(Broker.Url, _data.Path);
        _probe = new HubConnectionBuilder().WithUrl(Dashboard.Url + ClinicHub.Path).Build();
        await _probe.StartAsync();
        await RelayProbe.WaitUntilRelayingAsync(Broker, new HubInbox(_probe), "gw-browser-probe", Timeout);

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLOUDCLINIC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (own storage, so the language starts at zh-CN) at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1366, int height = 900, string? baseUrl = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A CSP violation shows up only on the console; fail on it rather than on a missing element later.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        await page.GotoAsync((baseUrl ?? Dashboard.Url) + path);
        PageErrors[page] = errors;
        return page;
    }

    public Dictionary<IPage, List<string>> PageErrors { get; } = [];

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name), FullPage = true });

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
        await _probe.DisposeAsync();
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        _data.Dispose();
    }
}
