using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// Waits until the dashboard's relay is subscribed on <paramref name="broker"/>, without racing it: a retained
/// status reaches a subscriber whenever it subscribes (MQTT 5 §3.3.1.3), and the relay subscribes to its three
/// filters in one SUBSCRIBE, so once the status is pushed to the hub every later publish is delivered.
/// </summary>
public static class RelayProbe
{
    // A host's first start (registry migrations, JIT) on two cores shared with other test assemblies took over 15 s
    // in a CI run: the probe waits at least this long, whatever the caller's per-message timeout.
    private static readonly TimeSpan FirstStartAllowance = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(10);

    public static async Task WaitUntilRelayingAsync(InProcessMqttBroker broker, HubInbox inbox, string probeGatewayId, TimeSpan timeout)
    {
        timeout = timeout > FirstStartAllowance ? timeout : FirstStartAllowance;
        var status = Samples.Online(backlog: 0) with { Version = probeGatewayId };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            // Two CI runs saw no push at all within 60 s while every test assembly started at once; if the test's
            // long-polling hub connection was dropped meanwhile, start it again and publish the probe again.
            if (inbox.Connection.State == HubConnectionState.Disconnected)
            {
                await inbox.Connection.StartAsync();
            }

            await broker.PublishAsync(Topics.Status("probe", probeGatewayId), Encoding.UTF8.GetString(Samples.Json(status)), retain: true);
            var wait = TimeSpan.FromTicks(Math.Clamp((timeout - clock.Elapsed).Ticks, TimeSpan.TicksPerMillisecond, Resend.Ticks));
            try
            {
                await inbox.WaitForAsync<GatewayStatusPush>(p => p.GatewayId == probeGatewayId, wait);
                return;
            }
            catch (TimeoutException) when (clock.Elapsed < timeout)
            {
            }
        }
    }

    /// <summary>Publishes a JSON payload as a gateway or the alert engine would (QoS 1).</summary>
    public static Task PublishAsync(this InProcessMqttBroker broker, string topic, byte[] utf8Json, bool retain = false) =>
        broker.PublishAsync(topic, Encoding.UTF8.GetString(utf8Json), retain);
}
