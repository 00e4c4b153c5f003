using CloudClinic.Edge.Gateway.Acquisition;
using CloudClinic.Edge.Gateway.Acquisition.Ble;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using CloudClinic.Edge.Gateway.Uplink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway;

/// <summary>Composes the edge gateway into a host: the Edge host on a Pi, or the dashboard's all-in-one demo.</summary>
public static class EdgeGatewayHostingExtensions
{
    /// <summary>
    /// Registers the gateway from configuration (<c>Mqtt:*</c>, <c>Edge:*</c>; see edge/README.md): meter stations,
    /// the SQLite outbox, the MQTT uplink and its status. Options are validated at start-up; a bad key fails the
    /// start with a message naming it. <see cref="LoopHeartbeats"/> tells a watchdog whether the loops make progress.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeGateway(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Binding and attribute validation are source-generated (AOT-safe); the hand-written validators add the rules
        // attributes cannot express. ValidateOnStart: a bad key fails start-up, naming it.
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdgeOptions>, EdgeOptionsAttributesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>());
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsAttributesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());

        services.AddOptions<BluetoothOptions>().BindConfiguration(BluetoothOptions.SectionName);
        services.AddOptions<HeartbeatOptions>().BindConfiguration(HeartbeatOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeartbeatOptions>, HeartbeatOptionsAttributesValidator>());
        services.TryAddSingleton(provider => new LoopHeartbeats(
            TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<HeartbeatOptions>>().Value.StallSeconds),
            provider.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<OutboxDatabase>();
        services.TryAddSingleton<OutboxBudget>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<RejectedFrameStore>();
        services.TryAddSingleton<GatewayStatusBoard>();
        services.TryAddSingleton<GatewayStatusFactory>();
        services.TryAddSingleton<AcquisitionCounters>();
        services.TryAddSingleton<MeterLinkFactory>();
        services.TryAddSingleton<StationDriverFactory>();
        // One BlueZ connection, adapter gate set and RACP cursor file for all BLE stations.
        services.TryAddSingleton<BleStations>();
        services.TryAddSingleton<StatusSignal>();
        services.TryAddSingleton<GatewayCommandHandler>();
        services.TryAddSingleton<ReadingPublisher>();
        services.TryAddSingleton<StatusPublisher>();
        services.AddCheckIn();

        // Hosted services stop in reverse order: acquisition stops first (its last reading is committed), then the
        // uplink publishes offline status and disconnects.
        services.AddHostedService<UplinkWorker>();
        services.AddHostedService<AcquisitionWorker>();
        return builder;
    }
}
