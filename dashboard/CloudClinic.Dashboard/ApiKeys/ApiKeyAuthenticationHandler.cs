using System.Security.Claims;
using System.Text.Encodings.Web;
using CloudClinic.Dashboard.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// Authenticates <c>X-Api-Key: cck_…</c> (or <c>Authorization: ApiKey cck_…</c>) against the registry. The principal
/// carries the same claims a signed-in user's cookie does (id, role, clinic), so every endpoint's
/// <see cref="AccessScope"/> check applies to keys unchanged; <see cref="ApiKeyDefaults.KeyIdClaim"/> marks it as a key.
/// Refusals are logged with the reason and the key's public id only.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The key a request carries, or null when it carries none.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[ApiKeyDefaults.Header] is [{ } header, ..])
        {
            return header.Trim();
        }

        return request.Headers.Authorization is [{ } authorization, ..]
            && authorization.StartsWith(ApiKeyDefaults.AuthorizationPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[ApiKeyDefaults.AuthorizationPrefix.Length..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await store.CheckAsync(presented, Context.RequestAborted);
        if (check.Key is not { } key)
        {
            LogRefused(Logger, check.Refusal, check.ClaimedId ?? "-", Context.Connection.RemoteIpAddress?.ToString() ?? "-", Request.Path);
            return AuthenticateResult.Fail("invalid API key");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, ApiKeyDefaults.UserIdPrefix + key.Id),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role),
            new(ApiKeyDefaults.KeyIdClaim, key.Id),
        ];
        if (key.ClinicId is not null)
        {
            claims.Add(new Claim(ClinicClaims.ClinicId, key.ClinicId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey";
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "API key refused ({Refusal}), key id {KeyId}, from {RemoteIp} for {Path}")]
    private static partial void LogRefused(ILogger logger, ApiKeyRefusal refusal, string keyId, string remoteIp, string path);
}
