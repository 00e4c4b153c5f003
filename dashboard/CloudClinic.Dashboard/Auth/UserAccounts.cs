using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// Passwords and lockout of registry users. Hashes are ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, versioned); the failure count and lockout end live in the registry, so they hold across
/// restarts and dashboard instances. Every outcome is audited (who, never the password).
/// </summary>
internal sealed class UserAccounts(RegistryDatabase database, TimeProvider time, IOptions<SignInOptions> options)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Verified against when the user is unknown, so an unknown name costs the same time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not-a-password-" + Guid.NewGuid());

    /// <summary>Creates the user or replaces its role, place and password (admin tools, the demo, tests).</summary>
    public async Task SetAsync(User user, string password, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var stored = await db.Users.SingleOrDefaultAsync(u => u.Id == user.Id, ct);
        if (stored is null)
        {
            stored = new User { Id = user.Id };
            db.Users.Add(stored);
        }

        (stored.DisplayName, stored.Role, stored.ClinicId, stored.GridId) = (user.DisplayName, user.Role, user.ClinicId, user.GridId);
        stored.PasswordHash = Hasher.HashPassword(stored, password);
        (stored.FailedSignIns, stored.LockedOutUntil) = (0, null);
        db.Audit.Add(Audit(by, "user.password.set", stored));
        await db.SaveChangesAsync(ct);
    }

    public async Task<SignInOutcome> CheckPasswordAsync(string userId, string password, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.PasswordHash is null)
        {
            Hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return SignInOutcome.Invalid;
        }

        var now = time.GetUtcNow();
        if (user.LockedOutUntil > now)
        {
            db.Audit.Add(Audit(user.Id, "user.signin.refused-locked", user));
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Locked;
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= options.Value.MaxFailedAttempts;
            if (locked)
            {
                (user.FailedSignIns, user.LockedOutUntil) = (0, now + options.Value.LockoutDuration);
            }

            db.Audit.Add(Audit(user.Id, locked ? "user.locked-out" : "user.signin.failed", user));
            await db.SaveChangesAsync(ct);
            return locked ? SignInOutcome.Locked : SignInOutcome.Invalid;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        (user.FailedSignIns, user.LockedOutUntil) = (0, null);
        db.Audit.Add(Audit(user.Id, "user.signin", user));
        await db.SaveChangesAsync(ct);
        return new SignInOutcome(user, false);
    }

    private AuditEntry Audit(string actor, string action, User user) => new()
    {
        At = time.GetUtcNow(), Actor = actor, Action = action, EntityType = "user", EntityId = user.Id, ClinicId = user.ClinicId,
    };
}
