using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CloudClinic.Dashboard.Hubs;

/// <summary>
/// Live push to browsers, signed-in users only. Browsers only listen; everything is pushed from
/// <see cref="ClinicAudience"/> to groups, and a connection joins exactly the one group its user may see
/// (<see cref="HubGroups"/>), so one event never reaches a connection twice nor anyone outside its scope.
/// </summary>
[Authorize]
public sealed class ClinicHub : Hub<IClinicClient>
{
    /// <summary>URL path the hub is mapped at; the page connects here.</summary>
    public const string Path = "/hubs/clinic";

    public override async Task OnConnectedAsync()
    {
        var scope = AccessScope.From(Context.User!);
        var group = scope.Role switch
        {
            UserRoles.CountyAdmin => HubGroups.County,
            UserRoles.Doctor or UserRoles.ClinicAdmin when scope.ClinicId is not null => HubGroups.Clinic(scope.ClinicId),
            UserRoles.GridWorker when scope.GridId is not null => HubGroups.Grid(scope.GridId),
            _ => null,
        };
        if (group is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
        await Clients.Caller.Subscribed();
    }
}
