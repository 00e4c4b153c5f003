using System.Collections.Concurrent;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Auth;

/// <summary>
/// A patient's clinic and grid from the registry, for the API's scope checks and the relay's grid groups. Kept for
/// <see cref="CacheFor"/> so a busy wall does not query the registry per reading; a move to another grid shows
/// within that time. Unknown patients are not cached (they may be registered any moment).
/// </summary>
internal sealed class PatientPlaces(RegistryDatabase database, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (PatientPlace Place, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    /// <summary>Null when no such patient is registered.</summary>
    public async Task<PatientPlace?> FindAsync(string patientId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(patientId, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Place;
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var place = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new PatientPlace(p.ClinicId, p.GridId))
            .SingleOrDefaultAsync(ct);
        if (place is not null)
        {
            _cache[patientId] = (place, now);
        }

        return place;
    }
}
