using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// The pages are static files, so the endpoint authorisation never sees them: an anonymous request for a page goes
/// to the sign-in page instead (the data behind every page is authorised on its own in any case).
/// </summary>
internal static class PageGate
{
    public const string GridPage = "/grid.html";

    public static IApplicationBuilder UsePageGate(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (IsHome(path) && context.User.IsInRole(UserRoles.GridWorker))
            {
                // The wall is clinic-wide, which a grid worker may not see: their home is the grid page (also right
                // after sign-in, which returns to "/" by default).
                context.Response.Redirect(GridPage);
                return Task.CompletedTask;
            }

            var isPage = path == "/" || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
            if (!isPage || path.Equals(AccountApi.SignInPage, StringComparison.OrdinalIgnoreCase) || context.User.Identity?.IsAuthenticated == true)
            {
                return next(context);
            }

            var back = path + context.Request.QueryString;
            context.Response.Redirect($"{AccountApi.SignInPage}?returnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        });

    private static bool IsHome(string path) => path == "/" || path.Equals("/index.html", StringComparison.OrdinalIgnoreCase);
}
