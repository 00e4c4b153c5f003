using System.Net.Http.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// The newcomer's one command, in-process: embedded broker (free port), simulated gateway, ingest with the SQLite
/// store and the BP-urgent rule, and the dashboard — seen only from the outside, through the hub and the API.
/// </summary>
public sealed class DemoHostTests
{
    private static readonly TimeSpan AlertWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Demo_Started_SimulatedReadingsAndAnUrgentAlertReachTheHubAndTheStore()
    {
        using var data = new TempDirectory();
        await using var demo = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DataDirectory"] = data.Path,
            ["Demo:ReadingIntervalSeconds"] = "1",
        });
        demo.StartServer();
        await using var hub = await demo.ConnectHubAsync();
        var inbox = new HubInbox(hub);

        var reading = await inbox.WaitForAsync<ReadingMessage>(r => r.ClinicId == "demo-clinic", AlertWithin);
        // The blood pressure one: the simulated glucose meter raises urgent alerts too (every fifth reading).
        var alert = await inbox.WaitForAsync<AlertEventMessage>(a => a.Severity == AlertSeverities.Urgent && a.Values.ContainsKey("systolic"), AlertWithin);
        var status = await inbox.WaitForAsync<GatewayStatusPush>(s => s.GatewayId == "demo-gw-1", AlertWithin);

        Assert.Equal("demo-gw-1", reading.GatewayId);
        Assert.Equal("demo-clinic", alert.ClinicId);
        Assert.True(alert.Values["systolic"] >= 180 || alert.Values["diastolic"] >= 110, "BP urgent is SBP ≥ 180 or DBP ≥ 110 mmHg");
        Assert.Equal(GatewayStates.Online, status.Status.State);

        // The alert's reading went through the ingest into the store, so a page opened now lists it.
        using var http = await demo.SignedInClientAsync();
        var latest = await http.GetFromJsonAsync(new Uri("/api/readings/latest", UriKind.Relative), ContractJsonContext.Default.ReadingMessageArray);
        Assert.Contains(latest!, r => alert.ReadingIds.Contains(r.ReadingId));
    }
}
