using Microsoft.AspNetCore.Routing;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// A part of the local page with its own HTTP endpoints (status today; patient check-in next). Register an
/// implementation with <c>services.AddSingleton&lt;ILocalPageFeature, …&gt;()</c>; its static files go in
/// <c>LocalPage/wwwroot/</c> (embedded and served as they are).
/// </summary>
public interface ILocalPageFeature
{
    void Map(IEndpointRouteBuilder endpoints);
}
