using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using Microsoft.AspNetCore.SignalR;

namespace CloudClinic.Dashboard.Hubs;

/// <summary>
/// Decides which connected browsers get an event: the clinic's group, the county group, and for a patient's reading
/// or alert the patient's grid group (grid workers see their grid's people only). Gateways are clinic business.
/// </summary>
internal sealed class ClinicAudience(IHubContext<ClinicHub, IClinicClient> hub, PatientPlaces places)
{
    public async Task ReadingAsync(ReadingMessage reading, string severity)
    {
        // The registry knows the patient's grid; a reading names only its clinic (wire contract v1).
        var grid = reading.PatientId is null ? null : (await places.FindAsync(reading.PatientId, CancellationToken.None))?.GridId;
        await ClientsOf(reading.ClinicId, grid).ReadingReceived(reading, severity);
    }

    public Task AlertAsync(AlertEventMessage alert) => ClientsOf(alert.ClinicId, alert.GridId).AlertChanged(alert);

    public Task GatewayStatusAsync(string clinicId, string gatewayId, GatewayStatusMessage status) =>
        ClientsOf(clinicId, null).GatewayStatusChanged(clinicId, gatewayId, status);

    public Task CareTaskClosedAsync(string clinicId, string? gridId, long taskId) =>
        ClientsOf(clinicId, gridId).CareTaskClosed(clinicId, gridId, taskId);

    private IClinicClient ClientsOf(string clinicId, string? gridId) => hub.Clients.Groups(gridId is null
        ? [HubGroups.Clinic(clinicId), HubGroups.County]
        : [HubGroups.Clinic(clinicId), HubGroups.County, HubGroups.Grid(gridId)]);
}
