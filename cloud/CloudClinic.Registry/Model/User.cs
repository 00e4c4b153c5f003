namespace CloudClinic.Registry.Model;

/// <summary>A doctor, grid worker or admin. A county admin has no clinic; a grid worker belongs to a grid.</summary>
public sealed class User
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary><see cref="UserRoles"/>.</summary>
    public string Role { get; set; } = UserRoles.Doctor;

    public string? ClinicId { get; set; }

    public string? GridId { get; set; }

    /// <summary>ASP.NET Core Identity <c>PasswordHasher</c> output (PBKDF2, versioned); null = cannot sign in.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins since the last success or lockout; reaching the limit locks the account.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Sign-in is refused until then (OWASP Authentication Cheat Sheet: account lockout).</summary>
    public DateTimeOffset? LockedOutUntil { get; set; }
}
