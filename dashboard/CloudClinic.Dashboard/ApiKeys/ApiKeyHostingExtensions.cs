using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// API keys for integrations (issue 7 item 3). The key scheme is never the default: the pages, the browser API
/// (<c>/api/*</c>, whose POSTs change alert state) and the hub keep authenticating by cookie only, so a key cannot reach
/// them. Only the integration policy (<c>/api/v1</c>) uses <see cref="ApiKeyDefaults.KeyOrCookieScheme"/>.
/// </summary>
internal static class ApiKeyHostingExtensions
{
    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddPolicyScheme(ApiKeyDefaults.KeyOrCookieScheme, "API key or sign-in cookie", o =>
                o.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : ApiKeyDefaults.Scheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.IntegrationPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.KeyOrCookieScheme)
                .RequireAuthenticatedUser());
        return builder;
    }
}
