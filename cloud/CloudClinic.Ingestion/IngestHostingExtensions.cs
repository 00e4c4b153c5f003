using CloudClinic.Alerts;
using CloudClinic.Ingestion.Health;
using CloudClinic.Ingestion.Processing;
using CloudClinic.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Ingestion;

public static class IngestHostingExtensions
{
    /// <summary>A readiness probe slower than this counts as not ready (a hung InfluxDB accepts but never answers).</summary>
    private static readonly TimeSpan ReadinessProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The cloud ingest: reading storage, alerting, and the MQTT worker that moves readings from the broker to the
    /// store (<c>Mqtt:*</c>, <c>Ingest:*</c>, <c>Storage:*</c>, <c>Influx:*</c>; validated at start-up). Safe to call
    /// more than once. Registers the <c>/readyz</c> health checks (broker subscribed, reading store answers) and, when
    /// <c>Ingest:HealthUrl</c> is set, serves <c>/healthz</c>, <c>/readyz</c> and the dead-letter admin API there.
    /// </summary>
    public static IHostApplicationBuilder AddCloudIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReadingStorage();
        builder.AddAlerting();
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IngestBatchProcessor)))
        {
            return builder;
        }

        services.AddMetrics();
        services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IngestMetrics>();
        services.AddSingleton<IngestConnectionState>();
        services.AddSingleton<IngestBatchProcessor>();
        services.AddHostedService<MqttIngestWorker>();
        services.AddHealthChecks()
            .AddCheck<BrokerHealthCheck>("ingest-broker", tags: [IngestHealthEndpoints.ReadyTag])
            .AddCheck<ReadingStoreHealthCheck>("ingest-readings", tags: [IngestHealthEndpoints.ReadyTag], timeout: ReadinessProbeTimeout);
        services.AddSingleton<IngestHealthServer>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestHealthServer>());
        return builder;
    }
}
