using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Gateways;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Alerts.Publishing;
using CloudClinic.Alerts.Roster;
using CloudClinic.Alerts.Webhooks;
using CloudClinic.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts;

public static class AlertingHostingExtensions
{
    /// <summary>
    /// The alert engine over the registry (<c>Storage:Registry</c>, migrated at start): <see cref="IAlertReadingSink"/>
    /// for the ingest (evaluated at once in the process that holds the engine lease, else a durable queue table that
    /// process drains), <see cref="AlertEngine"/> for people's actions, the schedule (not measured, gateway offline,
    /// escalation), gateways' retained status and LWT (<c>cloudclinic/v1/+/+/status</c>), the outbox → MQTT publisher
    /// (<c>Mqtt:*</c>) and, apart from it, the outbox → robot webhooks (<c>Alerts:Webhooks:*</c>), the gateways' check-in roster (<c>Alerts:Roster:*</c>), all validated at
    /// start (<c>Alerts:*</c>). Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddAlerting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AlertEngine)))
        {
            return builder;
        }

        builder.AddRegistry();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MqttOptions>()
            .BindConfiguration(MqttOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IAlertPublisher, MqttAlertPublisher>();
        services.AddSingleton<AlertOutboxSignal>();
        services.AddSingleton<AlertEngine>();
        services.AddMetrics();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<EvaluationQueueSignal>();
        services.AddSingleton<DurableEvaluationQueue>();
        services.AddSingleton<IAlertReadingSink, ImmediateEvaluationSink>();

        // One process at a time runs the engine's jobs over a shared registry (the ingest and the dashboard both
        // host these services); the lease worker is registered first so it starts first.
        services.AddSingleton<EngineLeadership>();
        services.AddHostedService<EngineLeaseWorker>();
        services.AddHostedService<AlertEvaluationWorker>();
        services.AddHostedService<AlertScheduleWorker>();
        services.AddHostedService<GatewayStatusWorker>();
        services.AddSingleton<OutboxRetention>();
        services.AddHostedService<AlertOutboxDispatcher>();
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Polly owns the per-attempt timeout; HttpClient's own 100 s would only cut it short.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();

        // The check-in roster for the gateways (retained on cloudclinic/v1/{clinic}/roster, Alerts:Roster:*).
        services.AddOptions<RosterOptions>()
            .BindConfiguration(RosterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RosterChangeSignal>();
        services.AddHostedService<RosterPublisherWorker>();
        return builder;
    }
}
