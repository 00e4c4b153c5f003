namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>Names of the API-key scheme, its header, its claim and the integration policy.</summary>
internal static class ApiKeyDefaults
{
    /// <summary>The API-key authentication scheme (never the default: cookie users and pages never see it).</summary>
    public const string Scheme = "ApiKey";

    /// <summary>API key when the request carries one, else the sign-in cookie: what the integration API accepts.</summary>
    public const string KeyOrCookieScheme = "ApiKeyOrCookie";

    /// <summary>Authorization policy of the integration API (<c>/api/v1</c>).</summary>
    public const string IntegrationPolicy = "Integration";

    public const string Header = "X-Api-Key";

    /// <summary><c>Authorization: ApiKey cck_…</c>, for clients that only set the Authorization header.</summary>
    public const string AuthorizationPrefix = "ApiKey ";

    /// <summary>Claim carrying the key's public id; its presence marks a principal as an API key, not a person.</summary>
    public const string KeyIdClaim = "api-key";

    /// <summary>Prefix of the name identifier of an API-key principal, so audit and logs never mistake it for a user.</summary>
    public const string UserIdPrefix = "api-key:";
}
