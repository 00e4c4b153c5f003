using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Integration;
using CloudClinic.Dashboard.Admin;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Every HTTP API of the dashboard hangs off one <c>/api</c> group that requires a signed-in user, so no endpoint can
/// be forgotten; each endpoint then narrows to what the user's role and place allow (<c>Auth/AccessScope</c>).
/// </summary>
internal static class DashboardApi
{
    public const string Prefix = "/api";

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAuthorization();
        api.MapClinicApi();
        api.MapReadingsApi();
        api.MapPatientsApi();
        api.MapAlertsApi();
        api.MapGatewaysApi();
        api.MapWebhooksApi();
        api.MapGridApi();
        api.MapIntegrationApi();
        api.MapApiKeysApi();
        api.MapUnassignedApi();
        api.MapAdminApi();
        return api;
    }
}
