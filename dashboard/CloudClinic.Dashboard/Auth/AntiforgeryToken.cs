namespace CloudClinic.Dashboard.Auth;

/// <summary><c>GET /account/antiforgery</c>: the request token, and where to put it (form field or header).</summary>
internal sealed record AntiforgeryToken(string Token, string FormFieldName, string HeaderName);
