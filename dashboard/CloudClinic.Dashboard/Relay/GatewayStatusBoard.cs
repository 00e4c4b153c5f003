using System.Collections.Concurrent;
using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Relay;

/// <summary>
/// The last status each gateway published (the status topic is retained, so the relay learns every gateway's
/// state when it subscribes). Lets a page opened later show gateways without waiting for the next change.
/// </summary>
internal sealed class GatewayStatusBoard
{
    private readonly ConcurrentDictionary<(string ClinicId, string GatewayId), GatewayStatusMessage> _latest = new();

    public void Set(string clinicId, string gatewayId, GatewayStatusMessage status) =>
        _latest[(clinicId, gatewayId)] = status;

    public IReadOnlyList<GatewaySnapshot> ForClinic(string? clinicId) =>
        [.. _latest
            .Where(entry => clinicId is null || entry.Key.ClinicId == clinicId)
            .OrderBy(entry => entry.Key.ClinicId, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.GatewayId, StringComparer.Ordinal)
            .Select(entry => new GatewaySnapshot(entry.Key.ClinicId, entry.Key.GatewayId, entry.Value))];
}
