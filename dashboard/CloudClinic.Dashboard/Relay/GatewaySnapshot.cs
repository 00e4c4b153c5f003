using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Relay;

/// <summary>One gateway's last status as served by <c>GET /api/gateways</c> (same shape as the hub's GatewayStatusChanged).</summary>
internal sealed record GatewaySnapshot(string ClinicId, string GatewayId, GatewayStatusMessage Status);
