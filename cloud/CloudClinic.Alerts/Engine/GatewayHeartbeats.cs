using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// A reading is a heartbeat: its gateway is alive even if its status heartbeat is late. Written at most once per
/// <paramref name="interval"/> per gateway from this engine — not on every batch, which cost a lookup and an update
/// per batch — which is far inside <see cref="AlertOptions.GatewayHeartbeatTimeout"/> (≥ 10 s, checked by the
/// schedule). Used under the engine's gate only.
/// </summary>
internal sealed class GatewayHeartbeats(TimeSpan interval)
{
    private readonly Dictionary<(string ClinicId, string GatewayId), DateTimeOffset> _written = [];

    public async Task TouchAsync(RegistryDbContext db, IReadOnlyList<ReadingMessage> readings, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var gateway in readings.Select(r => (r.ClinicId, r.GatewayId)).Distinct())
        {
            if (_written.TryGetValue(gateway, out var at) && now - at < interval && now >= at)
            {
                continue;
            }

            var state = await db.Gateways.FindAsync([gateway.ClinicId, gateway.GatewayId], ct);
            if (state is null)
            {
                db.Gateways.Add(new GatewayState { ClinicId = gateway.ClinicId, GatewayId = gateway.GatewayId, State = GatewayStates.Online, LastSeenAt = now, OnlineSince = now });
            }
            else if (state.State == GatewayStates.Online)
            {
                state.LastSeenAt = now;
            }
            else
            {
                // Offline by the schedule or its own status: that is for the status message to change; look again next time.
                continue;
            }

            _written[gateway] = now;
        }
    }
}
