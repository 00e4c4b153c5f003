using System.Globalization;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Testing;
using Microsoft.Playwright;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>
/// Issue 2's proof that the whole path works through real parts: a simulated meter on a socat pty → the gateway
/// process → mosquitto → the ingest process → influxd 1.6.7 (queried back with InfluxQL) → the urgent alert →
/// the dashboard process → headless Chromium.
/// </summary>
public sealed class ReadingPathTests : IAsyncLifetime
{
    private const string MeterSerial = "SIM-E2E-BP";
    private CloudStack _stack = null!;
    private SocatPtyPair _serial = null!;
    private readonly List<ChildProcess> _hosts = [];

    public async Task InitializeAsync()
    {
        _stack = await CloudStack.StartAsync();
        _serial = await SocatPtyPair.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _serial.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task UrgentSerialReading_ReachesInfluxAlertAndBrowser()
    {
        await using var observer = await _stack.ProbeAsync("observer");
        await observer.SubscribeAsync(Topics.AllReadings);
        await observer.SubscribeAsync(Topics.AllAlerts);
        await observer.SubscribeAsync(Topics.AllStatus);

        await _stack.StartIngestAsync();
        var dashboardUrl = await StartDashboardAsync();
        await StartGatewayAsync();
        await observer.WaitForAsync((topic, payload) => topic == Topics.Status(TestReadings.Clinic, TestReadings.Gateway)
            && Status(payload).State == GatewayStates.Online, TimeSpan.FromSeconds(60));

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(dashboardUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("signin\\.html"));
        await page.Locator("[data-testid=signin-user]").FillAsync(DoctorUser);
        await page.Locator("[data-testid=signin-password]").FillAsync(DoctorPassword);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });

        var simulator = HostProcesses.Start(HostProcesses.Simulator, new Dictionary<string, string?>(),
            "--port", _serial.PortB, "--serial", MeterSerial, "--readings", "bp:182/112/80", "--interval-ms", "200");
        _hosts.Add(simulator);
        await simulator.WaitForOutputAsync("done", TimeSpan.FromSeconds(30));

        // On the wire: the gateway's reading, as the contract says.
        var (_, readingPayload, _) = await observer.WaitForAsync(
            (topic, _) => topic == Topics.Readings(TestReadings.Clinic, TestReadings.Gateway), TimeSpan.FromSeconds(30));
        Assert.True(ReadingPayload.TryParse(readingPayload, out var readings, out var error), error);
        var reading = Assert.Single(readings);
        Assert.Equal((182d, 112d, MeterSerial), (reading.Systolic!.Value, reading.Diastolic!.Value, reading.Device.Serial));

        // In influxd, read back with InfluxQL.
        var rows = await Poll.UntilAsync(
            () => InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", reading.ReadingId),
            r => r.Count > 0, TimeSpan.FromSeconds(30), "the reading in influxd");
        var row = Assert.Single(rows);
        Assert.Equal(182, row["systolic"].GetDouble());
        Assert.Equal(112, row["diastolic"].GetDouble());
        Assert.Equal(TestReadings.Clinic, row["clinic"].GetString());
        Assert.Equal(reading.MeasuredAt.ToUnixTimeMilliseconds(), row["time"].GetInt64());

        // The urgent alert on the alerts topic.
        var (_, alertPayload, _) = await observer.WaitForAsync((topic, _) => topic == Topics.Alerts(TestReadings.Clinic), TimeSpan.FromSeconds(30));
        var alert = JsonSerializer.Deserialize(alertPayload, ContractJsonContext.Default.AlertEventMessage)!;
        Assert.Equal(("bp-urgent", AlertSeverities.Urgent), (alert.Rule, alert.Severity));
        Assert.Contains(reading.ReadingId, alert.ReadingIds);

        // And in the browser, live.
        var readingRow = page.Locator($"[data-testid=reading][data-reading-id='{reading.ReadingId}']");
        await Assertions.Expect(readingRow).ToContainTextAsync("182/112", new() { Timeout = 30_000 });
        var alertRow = page.Locator($"[data-testid=alert][data-alert-id='{alert.AlertId}']");
        await Assertions.Expect(alertRow).ToContainTextAsync("182", new() { Timeout = 30_000 });
        await Browser.ScreenshotAsync(page, "dashboard-e2e.png");
    }

    private const string DoctorUser = "doctor-e2e";
    private const string DoctorPassword = "e2e-doctor-pw-2026";

    private async Task<string> StartDashboardAsync()
    {
        var url = "http://127.0.0.1:" + FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
        var settings = _stack.CloudSettings();
        settings["Dashboard__DefaultClinicId"] = TestReadings.Clinic;
        // The first account, as a clinic's IT person creates it (the password travels in the environment).
        var addUser = HostProcesses.Start(HostProcesses.Dashboard, new Dictionary<string, string?>(settings) { ["CLOUDCLINIC_PASSWORD"] = DoctorPassword },
            "add-user", DoctorUser, "doctor", TestReadings.Clinic);
        _hosts.Add(addUser);
        await addUser.WaitForOutputAsync($"user {DoctorUser} (doctor) saved", TimeSpan.FromSeconds(60));
        var dashboard = HostProcesses.Start(HostProcesses.Dashboard, settings, "--urls", url);
        _hosts.Add(dashboard);
        await dashboard.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
        return url;
    }

    private async Task StartGatewayAsync()
    {
        var gateway = HostProcesses.Start(HostProcesses.Gateway, new Dictionary<string, string?>
        {
            ["Mqtt__Url"] = _stack.Mosquitto.Url,
            ["Edge__ClinicId"] = TestReadings.Clinic,
            ["Edge__GatewayId"] = TestReadings.Gateway,
            ["Edge__OutboxPath"] = Path.Combine(_stack.Directory, "outbox.db"),
            ["Edge__Stations__0__Name"] = "bp-1",
            ["Edge__Stations__0__Link"] = "serial",
            ["Edge__Stations__0__Protocol"] = "cclp1",
            ["Edge__Stations__0__Port"] = _serial.PortA,
            ["Edge__Stations__0__BaudRate"] = "9600",
        });
        _hosts.Add(gateway);
        await Task.Yield();
    }

    private static GatewayStatusMessage Status(byte[] payload) =>
        JsonSerializer.Deserialize(payload, ContractJsonContext.Default.GatewayStatusMessage)!;
}
