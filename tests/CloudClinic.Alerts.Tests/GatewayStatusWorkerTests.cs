using System.Text.Json;
using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Gateways;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The alerting host (<c>AddAlerting</c>) on an in-process broker: a gateway's LWT (retained offline status) raises
/// gateway-offline on the alerts topic and mutes "not measured"; its retained online status resolves the alert.
/// </summary>
public sealed class GatewayStatusWorkerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-status-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _registry;

    public GatewayStatusWorkerTests()
    {
        _registry = $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False";
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GatewayLwt_RaisesGatewayOffline_SuppressesNotMeasured_OnlineResolves()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await SeedAsync();
        using var host = BuildHost(broker.Url);
        await host.StartAsync();
        await using var alerts = await broker.SubscribeAsync(Topics.AllAlerts);

        await DieWithLwtAsync(broker.Port);

        var raised = await WaitForAlertAsync(alerts, RuleIds.GatewayOffline, AlertEvents.Raised);
        Assert.Equal(("clinic-a", "gw-1", AlertSeverities.Ops), (raised.ClinicId, raised.GatewayId, raised.Severity));

        // 14 days without a reading while the gateway is down: no "not measured" task, no doctor escalation. (A second
        // engine on the registry with its own clock: advancing the host's clock by 14 days would replay every poll.)
        var later = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromDays(14));
        var engine = new AlertEngine(new RegistryDatabase(_registry), later, Options.Create(new AlertOptions()), new AlertOutboxSignal());
        Assert.DoesNotContain(await engine.RunScheduleAsync(default), e => e.Rule == RuleIds.NotMeasured);
        Assert.Empty(await OpenAlertsAsync(RuleIds.NotMeasured));

        var online = new GatewayStatusMessage { State = GatewayStates.Online, At = _time.GetUtcNow() };
        await broker.PublishAsync(Topics.Status("clinic-a", "gw-1"), JsonSerializer.Serialize(online, ContractJsonContext.Default.GatewayStatusMessage), retain: true);

        var resolved = await WaitForAlertAsync(alerts, RuleIds.GatewayOffline, AlertEvents.Resolved);
        Assert.Equal(raised.AlertId, resolved.AlertId);
        await host.StopAsync();
    }

    [Fact]
    public async Task HandleAsync_StaleRetainedOnlineOrBadPayload_Ignored_FreshRecorded()
    {
        await SeedAsync();
        var worker = new GatewayStatusWorker(
            NewEngine(), TestLeadership.Leading(), Options.Create(new MqttOptions()), Options.Create(new AlertOptions()), _time, NullLogger<GatewayStatusWorker>.Instance);
        var stale = new GatewayStatusMessage { State = GatewayStates.Online, At = _time.GetUtcNow().AddMinutes(-16) };

        await worker.HandleAsync(Status("gw-old", JsonSerializer.Serialize(stale, ContractJsonContext.Default.GatewayStatusMessage), retain: true), default);
        await worker.HandleAsync(Status("gw-bad", "{not json", retain: true), default);
        await worker.HandleAsync(Status("gw-odd", """{"state":"sleeping","at":"2026-03-01T00:00:00Z"}""", retain: false), default);
        await worker.HandleAsync(Status("gw-live", JsonSerializer.Serialize(stale, ContractJsonContext.Default.GatewayStatusMessage), retain: false), default);
        await worker.HandleAsync(Status("gw-new", JsonSerializer.Serialize(stale with { At = _time.GetUtcNow() }, ContractJsonContext.Default.GatewayStatusMessage), retain: true), default);

        // A live (not retained) message is current whatever its clock says; only replayed history is ignored.
        await using var db = new RegistryDatabase(_registry).CreateContext();
        Assert.Equal(["gw-live", "gw-new"], await db.Gateways.OrderBy(g => g.GatewayId).Select(g => g.GatewayId).ToListAsync());
    }

    private static MqttApplicationMessage Status(string gatewayId, string payload, bool retain) =>
        new MqttApplicationMessageBuilder().WithTopic(Topics.Status("clinic-a", gatewayId)).WithPayload(payload).WithRetainFlag(retain).Build();

    private AlertEngine NewEngine() =>
        new(new RegistryDatabase(_registry), _time, Options.Create(new AlertOptions()), new AlertOutboxSignal());

    private IHost BuildHost(string brokerUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = brokerUrl,
            ["Storage:Registry"] = _registry,
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddAlerting();
        return builder.Build();
    }

    /// <summary>
    /// A gateway that connects with its LWT and drops the TCP connection without DISCONNECT (power cut). Not DISCONNECT
    /// reason 0x04: MQTTnet's server ignores it (dotnet/MQTTnet#2256); mosquitto does not send the will for it either.
    /// </summary>
    private async Task DieWithLwtAsync(int port)
    {
        var lwt = new GatewayStatusMessage { State = GatewayStates.Offline, At = _time.GetUtcNow() };
        var gateway = new MqttClientFactory().CreateMqttClient();
        await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("gateway-clinic-a-gw-1")
            .WithWillTopic(Topics.Status("clinic-a", "gw-1"))
            .WithWillPayload(JsonSerializer.SerializeToUtf8Bytes(lwt, ContractJsonContext.Default.GatewayStatusMessage))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        gateway.Dispose(); // closes the socket without a DISCONNECT packet
    }

    private static async Task<AlertEventMessage> WaitForAlertAsync(MqttMessageCollector alerts, string rule, string @event)
    {
        var messages = await alerts.WaitForAsync(m => m.Any(x => Matches(x, rule, @event)), Timeout);
        return Parse(messages.First(x => Matches(x, rule, @event)));
    }

    private static bool Matches(CollectedMqttMessage message, string rule, string @event) =>
        Parse(message) is var alert && alert.Rule == rule && alert.Event == @event;

    private static AlertEventMessage Parse(CollectedMqttMessage message) =>
        JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AlertEventMessage)!;

    private async Task<List<string>> OpenAlertsAsync(string rule)
    {
        await using var db = new RegistryDatabase(_registry).CreateContext();
        return await db.Alerts.Where(a => a.OpenKey != null && a.Rule == rule).Select(a => a.Id).ToListAsync();
    }

    private async Task SeedAsync()
    {
        var database = new RegistryDatabase(_registry);
        await database.EnsureMigratedAsync(default);
        await using var db = database.CreateContext();
        db.Clinics.Add(new Clinic { Id = "clinic-a", Name = "A" });
        db.Patients.Add(new Patient { Id = "p-1", ClinicId = "clinic-a", BirthDate = new DateOnly(1956, 5, 1), MaskedName = "张*华", NameProtected = "x", RegisteredAt = _time.GetUtcNow() });
        await db.SaveChangesAsync();
    }
}
