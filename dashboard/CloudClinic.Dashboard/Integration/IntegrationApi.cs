using CloudClinic.Dashboard.ApiKeys;

namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// The read-only HTTP API for integrations (issue 7 item 3) at <c>/api/v1</c>, under DashboardApi's <c>/api</c>
/// group: an API key (<c>X-Api-Key</c>) or a sign-in cookie, scoped by <c>Auth/AccessScope</c> exactly as the
/// browser API is. Described by the OpenAPI document <c>/openapi/v1.json</c> (docs/openapi-v1.json).
/// </summary>
internal static class IntegrationApi
{
    public const string Prefix = "/v1";

    public static RouteGroupBuilder MapIntegrationApi(this IEndpointRouteBuilder api)
    {
        var v1 = api.MapGroup(Prefix)
            .RequireAuthorization(ApiKeyDefaults.IntegrationPolicy)
            .WithGroupName(IntegrationOpenApi.DocumentName)
            .WithTags("Integration");
        v1.MapIntegrationPatientsApi();
        v1.MapIntegrationReadingsApi();
        v1.MapIntegrationAlertsApi();
        return v1;
    }
}
