using System.Net.Http.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Relay;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Testing;

namespace CloudClinic.Dashboard.Tests;

/// <summary>MQTT → <c>MqttLiveRelayWorker</c> → typed hub → a SignalR .NET client, through a real broker.</summary>
public sealed class LiveRelayTests(LiveDashboardFixture live) : IClassFixture<LiveDashboardFixture>
{
    private static readonly TimeSpan Timeout = LiveDashboardFixture.Timeout;

    [Fact]
    public async Task RouteAsync_ReadingPublished_HubClientReceivesReadingReceived()
    {
        var reading = Samples.BloodPressure("clinic-reading", "gw-1", "rd-bp-1", 182, 112, Samples.Morning);

        await live.Broker.PublishAsync(Topics.Readings("clinic-reading", "gw-1"), ReadingPayload.Serialize(reading));

        var received = await live.Inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == "rd-bp-1", Timeout);
        Assert.Equal(Samples.Wire(reading), Samples.Wire(received));
        var severity = await live.Inbox.WaitForAsync<ReadingSeverityPush>(p => p.ReadingId == "rd-bp-1", Timeout);
        Assert.Equal("urgent", severity.Severity);
    }

    [Fact]
    public async Task RouteAsync_BacklogArrayPublished_EveryReadingIsPushed()
    {
        var batch = Enumerable.Range(0, 3)
            .Select(i => Samples.Glucose("clinic-batch", "gw-2", $"rd-glu-{i}", 6.1 + i, Samples.Morning.AddMinutes(i)))
            .ToArray();

        await live.Broker.PublishAsync(Topics.Readings("clinic-batch", "gw-2"), ReadingPayload.Serialize(batch));

        foreach (var reading in batch)
        {
            var received = await live.Inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == reading.ReadingId, Timeout);
            Assert.Equal(reading.MmolL, received.MmolL);
        }
    }

    [Fact]
    public async Task RouteAsync_AlertPublished_HubClientReceivesAlertChanged()
    {
        var alert = Samples.UrgentBloodPressureAlert("clinic-alert", "al-1", "rd-bp-9");

        await live.Broker.PublishAsync(Topics.Alerts("clinic-alert"), Samples.Json(alert));

        var received = await live.Inbox.WaitForAsync<AlertEventMessage>(a => a.AlertId == "al-1", Timeout);
        Assert.Equal(Samples.Wire(alert), Samples.Wire(received));
        Assert.Equal(182, received.Values["systolic"]);
    }

    [Fact]
    public async Task RecentAlerts_AlertRaisedThenAcknowledged_PageOpenedLaterGetsTheLatestEventOnce()
    {
        var raised = Samples.UrgentBloodPressureAlert("clinic-later", "al-later", "rd-later");
        var acknowledged = raised with { Event = AlertEvents.Acknowledged, State = AlertStates.Acknowledged, By = "dr-wang", At = Samples.Morning.AddMinutes(3) };
        await live.Broker.PublishAsync(Topics.Alerts("clinic-later"), Samples.Json(raised));
        await live.Broker.PublishAsync(Topics.Alerts("clinic-later"), Samples.Json(acknowledged));
        await live.Inbox.WaitForAsync<AlertEventMessage>(a => a.AlertId == "al-later" && a.State == AlertStates.Acknowledged, Timeout);
        using var http = await live.Dashboard.SignedInClientAsync();

        var recent = await http.GetFromJsonAsync<AlertEventMessage[]>(new Uri("/api/alerts/recent?clinic=clinic-later", UriKind.Relative));

        var only = Assert.Single(recent!);
        Assert.Equal(Samples.Wire(acknowledged), Samples.Wire(only));
    }

    [Fact]
    public async Task RouteAsync_GatewayStatusPublished_PushedAndListedByGatewaysApi()
    {
        var status = Samples.Online(backlog: 7);

        await live.Broker.PublishAsync(Topics.Status("clinic-status", "gw-3"), Samples.Json(status), retain: true);

        var pushed = await live.Inbox.WaitForAsync<GatewayStatusPush>(p => p.ClinicId == "clinic-status" && p.GatewayId == "gw-3", Timeout);
        Assert.Equal(Samples.Wire(status), Samples.Wire(pushed.Status));

        using var http = await live.Dashboard.SignedInClientAsync();
        using var response = await http.GetAsync(new Uri("/api/gateways?clinic=clinic-status", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"gatewayId\":\"gw-3\"", body, StringComparison.Ordinal);
        Assert.Contains("\"backlog\":7", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-json", "not json at all")]
    [InlineData("truncated", "{\"schema\":\"cloudclinic.reading/1\",\"readingId\":")]
    [InlineData("missing-fields", "{\"schema\":\"cloudclinic.reading/1\"}")]
    [InlineData("empty-array", "[]")]
    [InlineData("empty", "")]
    public async Task RouteAsync_MalformedReadingPayload_CountedAndNextValidReadingArrives(string name, string payload)
    {
        var state = live.Dashboard.GetRequiredService<RelayState>();
        var rejectedBefore = state.Rejected;
        var id = $"rd-after-{name}";

        await live.Broker.PublishAsync(Topics.Readings("clinic-bad", "gw-1"), payload);
        await live.Broker.PublishAsync(
            Topics.Readings("clinic-bad", "gw-1"),
            ReadingPayload.Serialize(Samples.BloodPressure("clinic-bad", "gw-1", id, 128, 82, Samples.Morning)));

        // MQTT keeps per-topic order, so once the valid one arrived the bad one was handled before it.
        await live.Inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == id, Timeout);
        Assert.True(state.Rejected > rejectedBefore, "the malformed payload was not counted");
    }

    [Fact]
    public async Task RouteAsync_ReadingNamesAnotherClinicThanItsTopic_RejectedNotPushed()
    {
        var state = live.Dashboard.GetRequiredService<RelayState>();
        var rejectedBefore = state.Rejected;
        var stray = Samples.BloodPressure("clinic-other", "gw-1", "rd-stray", 120, 80, Samples.Morning);
        var valid = Samples.BloodPressure("clinic-topic", "gw-1", "rd-valid", 121, 81, Samples.Morning);

        await live.Broker.PublishAsync(Topics.Readings("clinic-topic", "gw-1"), ReadingPayload.Serialize(stray));
        await live.Broker.PublishAsync(Topics.Readings("clinic-topic", "gw-1"), ReadingPayload.Serialize(valid));

        await live.Inbox.WaitForAsync<ReadingMessage>(r => r.ReadingId == "rd-valid", Timeout);
        Assert.DoesNotContain(live.Inbox.All<ReadingMessage>(), r => r.ReadingId == "rd-stray");
        Assert.True(state.Rejected > rejectedBefore);
    }

    [Fact]
    public async Task RouteAsync_MalformedAlert_CountedAndNextAlertArrives()
    {
        var state = live.Dashboard.GetRequiredService<RelayState>();
        var rejectedBefore = state.Rejected;

        await live.Broker.PublishAsync(Topics.Alerts("clinic-bad-alert"), "{\"alertId\":42}");
        await live.Broker.PublishAsync(Topics.Alerts("clinic-bad-alert"), Samples.Json(Samples.UrgentBloodPressureAlert("clinic-bad-alert", "al-ok", "rd-1")));

        await live.Inbox.WaitForAsync<AlertEventMessage>(a => a.AlertId == "al-ok", Timeout);
        Assert.True(state.Rejected > rejectedBefore);
    }

    [Fact]
    public async Task Healthz_RelayConnected_ReportsHealthyWithCounts()
    {
        using var http = await live.Dashboard.SignedInClientAsync();

        var health = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("checks").GetProperty("mqtt-relay").TryGetProperty("relayed", out _));
    }
}
