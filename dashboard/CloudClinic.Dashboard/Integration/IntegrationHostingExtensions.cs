using CloudClinic.Dashboard.ApiKeys;

namespace CloudClinic.Dashboard.Integration;

/// <summary>The integration capability: API keys, the integration JSON shapes and the OpenAPI document.</summary>
internal static class IntegrationHostingExtensions
{
    public static WebApplicationBuilder AddIntegration(this WebApplicationBuilder builder)
    {
        builder.AddApiKeys();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IntegrationJsonContext.Default));
        builder.Services.AddIntegrationOpenApi();
        return builder;
    }
}
