using System.Security.Claims;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// <c>/account/*</c>: the sign-in form's POST (anti-forgery checked by <c>UseAntiforgery</c> for form-bound
/// endpoints), sign-out, the anti-forgery token for the static pages, and who is signed in.
/// </summary>
internal static class AccountApi
{
    public const string Prefix = "/account";
    public const string SignInPage = "/signin.html";

    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("Account");
        group.MapPost("/signin", SignInAsync);
        group.MapPost("/signout", (Delegate)SignOutAsync).AddEndpointFilter<AntiforgeryFilter>().RequireAuthorization();
        group.MapGet("/antiforgery", Token);
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm(Name = "user")] string? userId,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        HttpContext context,
        UserAccounts accounts,
        CancellationToken ct)
    {
        var back = IsLocal(returnUrl) ? returnUrl! : "/";
        var outcome = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(password)
            ? SignInOutcome.Invalid
            : await accounts.CheckPasswordAsync(userId, password, ct);
        if (outcome.User is not { } user)
        {
            var error = outcome.LockedOut ? "locked" : "invalid";
            return TypedResults.LocalRedirect($"{SignInPage}?error={error}&returnUrl={Uri.EscapeDataString(back)}");
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user));
        return TypedResults.LocalRedirect(back);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>The static pages put this token in their forms and in the header of their POSTs.</summary>
    private static Ok<AntiforgeryToken> Token(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.FormFieldName, tokens.HeaderName!));
    }

    private static Ok<SignedInUser> Me(ClaimsPrincipal principal)
    {
        var scope = AccessScope.From(principal);
        return TypedResults.Ok(new SignedInUser(scope.UserId, principal.Identity?.Name ?? scope.UserId, scope.Role, scope.ClinicId, scope.GridId));
    }

    public static ClaimsPrincipal Principal(User user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, string.IsNullOrEmpty(user.DisplayName) ? user.Id : user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        ];
        if (user.ClinicId is not null)
        {
            claims.Add(new Claim(ClinicClaims.ClinicId, user.ClinicId));
        }

        if (user.GridId is not null)
        {
            claims.Add(new Claim(ClinicClaims.GridId, user.GridId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Only a path on this site: no scheme, no <c>//host</c> or <c>/\host</c> (open redirect, OWASP).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
