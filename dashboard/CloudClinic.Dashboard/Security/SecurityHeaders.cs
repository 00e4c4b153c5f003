namespace CloudClinic.Dashboard.Security;

/// <summary>
/// Headers on every response (OWASP Secure Headers). The pages load only their own ES modules and stylesheets and
/// write data with textContent, so the CSP needs no 'unsafe-inline': an injected &lt;script&gt; or on* attribute
/// would not run even if one slipped into the DOM. connect-src 'self' covers the hub's WebSocket (CSP Level 3).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // for browsers without CSP frame-ancestors
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
