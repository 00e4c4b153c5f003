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
        await Dashboard.Factory.EnsureAccountsAsync();
        var cookies = await SignInOverHttpAsync(Dashboard.Url, TestAccounts.CountyAdmin);
        _probe = new HubConnectionBuilder().WithUrl(Dashboard.Url + ClinicHub.Path, o => o.Headers["Cookie"] = cookies).Build();
        await _probe.StartSubscribedAsync(Timeout);
        await RelayProbe.WaitUntilRelayingAsync(Broker, new HubInbox(_probe), "gw-browser-probe", Timeout);

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CLOUDCLINIC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>Signs in over real HTTP (Kestrel) and returns the Cookie header for a hub client.</summary>
    public static async Task<string> SignInOverHttpAsync(string baseUrl, string userId)
    {
        var container = new System.Net.CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = container, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var response = await TestAccounts.SignInAsync(http, userId);
        if (!TestAccounts.SignedIn(response))
        {
            throw new InvalidOperationException($"sign-in of {userId} failed: {(int)response.StatusCode}");
        }

        return container.GetCookieHeader(new Uri(baseUrl));
    }

    /// <summary>Signs the page in through the sign-in form (zh-CN), then opens <paramref name="returnPath"/>.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string userId, string returnPath = "/")
    {
        await page.GotoAsync($"{baseUrl}/signin.html?returnUrl={Uri.EscapeDataString(returnPath)}");
        await page.Locator("[data-testid=signin-user]").FillAsync(userId);
        await page.Locator("[data-testid=signin-password]").FillAsync(TestAccounts.Password(userId));
        await Assertions.Expect(page.Locator("[data-testid=signin-submit]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin.html", StringComparison.Ordinal));
    }

    /// <summary>A fresh page (own storage, so the language starts at zh-CN) signed in as <paramref name="userId"/> at <paramref name="path"/>.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1366, int height = 900, string? baseUrl = null, string? userId = TestAccounts.CountyAdmin)
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
        if (userId is null)
        {
            await page.GotoAsync((baseUrl ?? Dashboard.Url) + path);
        }
        else
        {
            await SignInAsync(page, baseUrl ?? Dashboard.Url, userId, path);
        }
        PageErrors[page] = errors;
        return page;
    }

    public Dictionary<IPage, List<string>> PageErrors { get; } = [];

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name), FullPage = true });

    public async Task DisposeAsync()
    {
        // Null-safe: InitializeAsync may have failed half-way, and its exception is the one worth reading.
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }

        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        _data.Dispose();
    }
}
