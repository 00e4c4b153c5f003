using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Hubs;

/// <summary>
/// What the server calls on a browser. Method names are the SignalR target names the page listens for
/// (the JS client matches them case-insensitively); payloads are the wire contract v1 records.
/// </summary>
public interface IClinicClient
{
    /// <param name="severity">The wall colour against the patient's targets (<c>Clinical.ReadingSeverity</c>).</param>
    Task ReadingReceived(ReadingMessage reading, string severity);

    Task AlertChanged(AlertEventMessage alert);

    Task GatewayStatusChanged(string clinicId, string gatewayId, GatewayStatusMessage status);

    /// <summary>
    /// Sent to a new connection once it has joined its clinic's, grid's or the county's group: from then on it
    /// receives every push for them. SignalR completes the client's start before the hub's <c>OnConnectedAsync</c> has
    /// run, so a page that loaded its state on start could miss an alert raised in between; pages load on this.
    /// </summary>
    Task Subscribed();

    /// <summary>A person closed a task (the grid page): other phones of the grid drop it from their list.</summary>
    Task CareTaskClosed(string clinicId, string? gridId, long taskId);
}
