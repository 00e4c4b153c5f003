using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary><c>GET /status.json</c> for the page's status panel (and for a technician's curl on the Pi).</summary>
internal sealed class StatusFeature(LocalPageStatusFactory status) : ILocalPageFeature
{
    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/status.json", () => TypedResults.Json(status.Create(), LocalPageJsonContext.Default.LocalPageStatus));
}
