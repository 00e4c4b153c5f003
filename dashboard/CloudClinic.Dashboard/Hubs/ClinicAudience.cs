using CloudClinic.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CloudClinic.Dashboard.Hubs;

/// <summary>
/// Decides which connected browsers get a clinic's events. Today every browser gets everything; when sign-in
/// arrives, <c>ClientsOf(clinicId)</c> becomes <c>Clients.Group("clinic:" + clinicId)</c> and the hub adds each
/// connection to its clinics' groups. Nothing else has to change.
/// </summary>
internal sealed class ClinicAudience(IHubContext<ClinicHub, IClinicClient> hub)
{
    public Task ReadingAsync(ReadingMessage reading, string severity) => ClientsOf(reading.ClinicId).ReadingReceived(reading, severity);

    public Task AlertAsync(AlertEventMessage alert) => ClientsOf(alert.ClinicId).AlertChanged(alert);

    public Task GatewayStatusAsync(string clinicId, string gatewayId, GatewayStatusMessage status) =>
        ClientsOf(clinicId).GatewayStatusChanged(clinicId, gatewayId, status);

    // The single place that maps a clinic to its viewers (see the class comment).
    private IClinicClient ClientsOf(string clinicId) => hub.Clients.All;
}
