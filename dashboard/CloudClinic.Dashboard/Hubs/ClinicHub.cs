using Microsoft.AspNetCore.SignalR;

namespace CloudClinic.Dashboard.Hubs;

/// <summary>
/// Live push to browsers. Browsers only listen for now; everything is pushed from <see cref="ClinicAudience"/>
/// through <see cref="IHubContext{THub,T}"/>, so this class stays empty until clients gain actions (acknowledge …).
/// </summary>
public sealed class ClinicHub : Hub<IClinicClient>
{
    /// <summary>URL path the hub is mapped at; the page connects here.</summary>
    public const string Path = "/hubs/clinic";
}
