using CloudClinic.Contracts;
using CloudClinic.Dashboard.Hubs;
using CloudClinic.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard host in-process (TestServer), configured through settings only. Settings go through
/// <c>UseSetting</c> because Program reads some of them (Demo:*) before the host is built.
/// </summary>
public sealed class DashboardFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <summary>A dashboard relaying from <paramref name="mqttUrl"/> with a SQLite store in <paramref name="dataDirectory"/>.</summary>
    public static DashboardFactory ForBroker(
        string mqttUrl, string dataDirectory, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = mqttUrl,
            ["Storage:Readings"] = "sqlite",
            ["Storage:SqlitePath"] = System.IO.Path.Combine(dataDirectory, "readings.db"),
            ["Storage:Registry"] = $"Data Source={System.IO.Path.Combine(dataDirectory, "registry.db")}",
            ["Dashboard:RelayReconnectDelay"] = "00:00:00.200",
            // The personal-data key, so the admin API can write patients (fixed: tests may reopen a registry).
            ["Registry:EncryptionKey"] = EncryptionKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new DashboardFactory(settings, services);
    }

    /// <summary>Base64 of 32 bytes: the test hosts' <c>Registry:EncryptionKey</c>.</summary>
    public const string EncryptionKey = "Y2xvdWRjbGluaWMtdGVzdC1rZXktMzItYnl0ZXMhISE=";

    private readonly SemaphoreSlim _seedLock = new(1, 1);
    private bool _seeded;

    /// <summary>Seeds <see cref="TestAccounts"/> once into this host's registry.</summary>
    public async Task EnsureAccountsAsync()
    {
        await _seedLock.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await TestAccounts.SeedAsync(Services);
                _seeded = true;
            }
        }
        finally
        {
            _seedLock.Release();
        }
    }

    /// <summary>An HTTP client signed in as <paramref name="userId"/> (default: the county admin, who sees every clinic).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userId = TestAccounts.CountyAdmin) => (await SignedInAsync(userId)).Http;

    /// <summary>A signed-in client and its cookie header (for the hub).</summary>
    public async Task<(HttpClient Http, string Cookies)> SignedInAsync(string userId)
    {
        await EnsureAccountsAsync();
        var cookies = new CookieContainerHandler();
        var http = CreateDefaultClient(cookies);
        var response = await TestAccounts.SignInAsync(http, userId);
        if (!TestAccounts.SignedIn(response))
        {
            throw new InvalidOperationException($"sign-in of {userId} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return (http, cookies.Container.GetCookieHeader(Server.BaseAddress));
    }

    /// <summary>A SignalR .NET client on the hub, signed in as <paramref name="userId"/>, reading the wire contract's JSON.</summary>
    public async Task<HubConnection> ConnectHubAsync(string userId = TestAccounts.CountyAdmin)
    {
        var (http, cookies) = await SignedInAsync(userId);
        http.Dispose();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, ClinicHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookies;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default))
            .Build();
        await connection.StartSubscribedAsync(LiveDashboardFixture.Timeout);
        return connection;
    }

    public T GetRequiredService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
