namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Every HTTP API of the dashboard hangs off one <c>/api</c> group, so sign-in (a later issue) is one
/// <c>.RequireAuthorization(policy)</c> on the group this returns, and no endpoint can be forgotten.
/// </summary>
internal static class DashboardApi
{
    public const string Prefix = "/api";

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        api.MapClinicApi();
        api.MapReadingsApi();
        api.MapPatientsApi();
        api.MapAlertsApi();
        api.MapGatewaysApi();
        return api;
    }
}
