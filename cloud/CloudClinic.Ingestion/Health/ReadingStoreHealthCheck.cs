using CloudClinic.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudClinic.Ingestion.Health;

/// <summary>Ready only while the reading store answers its probe (InfluxDB <c>/ping</c> → 204, SQLite opens).</summary>
internal sealed class ReadingStoreHealthCheck(IReadingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is not IReadingStoreProbe probe)
        {
            return HealthCheckResult.Healthy($"{store.GetType().Name} has no probe");
        }

        return await probe.ProbeAsync(cancellationToken) is { } reason
            ? HealthCheckResult.Unhealthy(reason)
            : HealthCheckResult.Healthy("reading store answers");
    }
}
