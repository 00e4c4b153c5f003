using Microsoft.AspNetCore.Antiforgery;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// Checks the anti-forgery token on state-changing JSON calls (the header the pages send), which minimal APIs
/// check by themselves only for form-bound endpoints (OWASP CSRF Prevention Cheat Sheet: synchronizer token).
/// </summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return await next(context);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
