namespace CloudClinic.Dashboard.Auth;

/// <summary>Claim types of the sign-in cookie besides the standard name identifier, name and role.</summary>
internal static class ClinicClaims
{
    public const string ClinicId = "clinic";
    public const string GridId = "grid";
}
