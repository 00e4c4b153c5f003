using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Auth;

/// <summary>Cookie sign-in against registry users, anti-forgery, and the page gate (issue 7 item 1).</summary>
internal static class AuthHostingExtensions
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<PatientPlaces>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "cloudclinic.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SignInOptions>>((cookie, signIn) =>
            {
                cookie.Cookie.Name = "cloudclinic.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                // Secure over HTTPS; the demo and the tests run plain HTTP on 127.0.0.1.
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = signIn.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = AccountApi.SignInPage;
                // The API and the hub answer 401/403; only pages are redirected (PageGate).
                cookie.Events.OnRedirectToLogin = context => Deny(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context.Response, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePageGate();
        return app;
    }

    private static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
