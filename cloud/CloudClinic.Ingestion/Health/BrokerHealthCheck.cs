using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudClinic.Ingestion.Health;

/// <summary>Ready only while the worker is connected to the broker and subscribed to the readings topics.</summary>
internal sealed class BrokerHealthCheck(IngestConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.NotReadyReason is { } reason
            ? HealthCheckResult.Unhealthy(reason)
            : HealthCheckResult.Healthy("connected and subscribed"));
}
