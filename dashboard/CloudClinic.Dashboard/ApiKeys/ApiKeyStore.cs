using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// API keys in the registry's <c>api_keys</c>: made (the key returned once, its SHA-256 stored), listed, revoked and
/// checked. Every change is audited with the key's public id, never the key.
/// </summary>
internal sealed class ApiKeyStore(RegistryDatabase database, TimeProvider time)
{
    public const int MaxNameLength = 200;

    /// <summary>Last-used is written at most this often per key, so a busy integration does not write per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // Compared against when the id is unknown, so an unknown id costs a comparison like a wrong secret does.
    private static readonly string DummyHash = ApiKeyFormat.Hash(ApiKeyFormat.Create().Key);

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScope scope, string createdBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await database.EnsureMigratedAsync(ct);
        var (id, key) = ApiKeyFormat.Create();
        var row = new ApiKey
        {
            Id = id, Name = name, Role = scope.Role, ClinicId = scope.ClinicId, KeyHash = ApiKeyFormat.Hash(key),
            CreatedBy = createdBy, CreatedAt = time.GetUtcNow(),
        };
        await using var db = database.CreateContext();
        db.ApiKeys.Add(row);
        db.Audit.Add(Audit(createdBy, "apikey.created", row));
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ApiKeyInfo.From(row), key);
    }

    /// <summary>Keys of one clinic, or every key (null), newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string? clinicId, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var query = db.ApiKeys.AsNoTracking();
        query = clinicId is null ? query : query.Where(k => k.ClinicId == clinicId);
        var rows = await query.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(ct);
        return rows.Select(ApiKeyInfo.From).ToList();
    }

    public async Task<ApiKeyInfo?> FindAsync(string id, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        return row is null ? null : ApiKeyInfo.From(row);
    }

    /// <summary>Revokes the key (idempotent: a revoked key keeps its first revocation). Null when no such key.</summary>
    public async Task<ApiKeyInfo?> RevokeAsync(string id, string by, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        if (row.RevokedAt is null)
        {
            (row.RevokedAt, row.RevokedBy) = (time.GetUtcNow(), by);
            db.Audit.Add(Audit(by, "apikey.revoked", row));
            await db.SaveChangesAsync(ct);
        }

        return ApiKeyInfo.From(row);
    }

    /// <summary>Checks a presented key: found by its public id, then the hashes compared in constant time.</summary>
    public async Task<ApiKeyCheck> CheckAsync(string? presented, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryGetId(presented, out var id))
        {
            return new ApiKeyCheck(null, ApiKeyRefusal.Malformed, null);
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        var matches = ApiKeyFormat.HashesEqual(ApiKeyFormat.Hash(presented!), row?.KeyHash ?? DummyHash);
        if (row is null || !matches)
        {
            return new ApiKeyCheck(null, row is null ? ApiKeyRefusal.Unknown : ApiKeyRefusal.WrongSecret, id);
        }

        if (row.RevokedAt is not null)
        {
            return new ApiKeyCheck(null, ApiKeyRefusal.Revoked, id);
        }

        var now = time.GetUtcNow();
        if (row.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
            row.LastUsedAt = now;
        }

        return new ApiKeyCheck(row, ApiKeyRefusal.None, id);
    }

    private AuditEntry Audit(string actor, string action, ApiKey key) => new()
    {
        At = time.GetUtcNow(), Actor = actor, Action = action, EntityType = "api-key", EntityId = key.Id, ClinicId = key.ClinicId,
        Detail = new ApiKeyScope(key.Role, key.ClinicId).ToString(),
    };
}
