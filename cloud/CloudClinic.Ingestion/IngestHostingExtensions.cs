using CloudClinic.Alerts;
using CloudClinic.Ingestion.Processing;
using CloudClinic.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Ingestion;

public static class IngestHostingExtensions
{
    /// <summary>
    /// The cloud ingest: reading storage, alerting, and the MQTT worker that moves readings from the broker to the
    /// store (<c>Mqtt:*</c>, <c>Ingest:*</c>, <c>Storage:*</c>, <c>Influx:*</c>; validated at start-up). Safe to call
    /// more than once.
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
        services.AddSingleton<IngestBatchProcessor>();
        services.AddHostedService<MqttIngestWorker>();
        return builder;
    }
}
