using CloudClinic.Dashboard.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CloudClinic.Dashboard.Integration;

/// <summary>
/// The OpenAPI document of the integration API only (<c>/openapi/v1.json</c>, served without sign-in: it describes,
/// it holds no data). The API-key scheme is declared and required for every operation. No <c>servers</c>: each
/// county runs its own host, and the checked-in copy (docs/openapi-v1.json) must not depend on where it was made.
/// </summary>
internal static class IntegrationOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string SecuritySchemeId = "ApiKey";

    public static IServiceCollection AddIntegrationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
        });

    public static IEndpointConventionBuilder MapIntegrationOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CloudClinic integration API",
            Version = DocumentName,
            Description = "Read-only access to readings, alerts and patients of one clinic (or, with a county key, every clinic). "
                + $"Send the key made with `add-api-key` or by an admin in the `{ApiKeyDefaults.Header}` header "
                + "(or `Authorization: ApiKey <key>`). Patients appear by pseudonymous id and masked name only.",
        };
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.Header,
            Description = "An integration's API key (cck_…), scoped to one clinic or to the county.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, document)] = [] }];
    }
}
