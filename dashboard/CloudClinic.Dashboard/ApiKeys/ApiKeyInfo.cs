using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>A key as admins list it: everything but the hash (the key itself is never stored).</summary>
internal sealed record ApiKeyInfo(
    string Id,
    string Name,
    string Scope,
    string Role,
    string? ClinicId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    public static ApiKeyInfo From(ApiKey key) => new(
        key.Id, key.Name, new ApiKeyScope(key.Role, key.ClinicId).ToString(), key.Role, key.ClinicId, key.CreatedBy, key.CreatedAt,
        key.LastUsedAt, key.RevokedAt, key.RevokedBy);
}
