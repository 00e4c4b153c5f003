namespace CloudClinic.Registry.Model;

/// <summary>
/// A key an outside integration uses for the dashboard's read-only HTTP API (issue 7 item 3). Scoped like a user: a
/// <see cref="Role"/> from <see cref="UserRoles"/> and a <see cref="ClinicId"/> (null for a county-wide key). Only
/// the SHA-256 of the key is kept (the key is 256 random bits, so a fast hash suffices: OWASP Secrets Management
/// Cheat Sheet); the key itself is shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    /// <summary>The public part of the key (it starts the key), used to find the row; not a secret.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><see cref="UserRoles.ClinicAdmin"/> (one clinic) or <see cref="UserRoles.CountyAdmin"/> (every clinic).</summary>
    public string Role { get; set; } = UserRoles.ClinicAdmin;

    public string? ClinicId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>A user id, or the CLI command that made it.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last accepted use, updated at most once a minute per key.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Set once: a revoked key is refused from then on and never comes back.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
