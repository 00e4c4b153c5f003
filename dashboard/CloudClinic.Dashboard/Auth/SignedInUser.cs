namespace CloudClinic.Dashboard.Auth;

/// <summary><c>GET /account/me</c>: who is signed in and where they work.</summary>
internal sealed record SignedInUser(string UserId, string DisplayName, string Role, string? ClinicId, string? GridId);
