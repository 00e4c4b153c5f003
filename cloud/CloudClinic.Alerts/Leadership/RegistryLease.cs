using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Alerts.Leadership;

/// <summary>
/// A named lease row in the registry (<see cref="EngineLease"/>), taken or renewed with an optimistic
/// version check: of two processes racing for an expired lease exactly one commits. Works the same on SQLite and
/// PostgreSQL, with no provider-specific locking.
/// </summary>
internal sealed class RegistryLease(RegistryDatabase database, TimeProvider time, string name, string holder)
{
    public string Holder => holder;

    /// <summary>Takes the lease if it is free, expired or already ours; extends it to now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var now = time.GetUtcNow();
        var lease = await db.Leases.FindAsync([name], ct);
        if (lease is null)
        {
            db.Leases.Add(new EngineLease { Name = name, Holder = holder, ExpiresAt = now + duration, Version = 1 });
        }
        else if (lease.Holder == holder || lease.ExpiresAt <= now)
        {
            lease.Holder = holder;
            lease.ExpiresAt = now + duration;
            lease.Version++;
        }
        else
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another process inserted or renewed it between our read and our write (a unique key or version clash).
            return false;
        }
    }

    /// <summary>Lets a successor take over now instead of after the lease runs out (a clean shutdown).</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var lease = await db.Leases.FindAsync([name], ct);
        if (lease is not null && lease.Holder == holder)
        {
            lease.ExpiresAt = time.GetUtcNow();
            lease.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone took it already: nothing to release.
            }
        }
    }
}
