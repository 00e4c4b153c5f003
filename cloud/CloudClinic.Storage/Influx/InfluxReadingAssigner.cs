using System.Globalization;
using System.Text;
using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Re-keys an unassigned reading to a patient in InfluxDB. The patient tag is part of the series key, so a point
/// cannot be changed in place: the reading is written again with the patient tag (same time, same fields), then
/// the unassigned point is removed with <c>DELETE FROM … WHERE &lt;every tag&gt; AND time = …</c> (InfluxDB 1.x
/// DELETE takes tag and time predicates only). Write first, delete second: a crash in between leaves the reading
/// twice, never zero times, and the next call finds the patient's point and deletes the leftover.
/// Every id goes into InfluxQL through <see cref="InfluxQl.String"/>.
/// </summary>
internal sealed class InfluxReadingAssigner(
    InfluxHttpApi api,
    InfluxReadingQueries queries,
    Func<IReadOnlyList<ReadingMessage>, CancellationToken, Task> write)
{
    // Two assignments of one reading racing in this process could each write their patient's point; one at a time
    // makes the second see the first's. (Across dashboard instances the later call answers AssignedToOther.)
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var points = await queries.PointsOfReadingAsync(clinicId, readingId, ct);
            var unassigned = points.Where(p => p.Reading.PatientId is null).ToList();
            var assigned = points.Where(p => p.Reading.PatientId is not null).ToList();

            if (assigned.FirstOrDefault(p => p.Reading.PatientId != patientId) is { } other)
            {
                return new ReadingAssignment(ReadingAssignmentOutcome.AssignedToOther, other.Reading);
            }

            if (assigned.Count > 0)
            {
                // Already this patient's. A leftover unassigned point means an earlier call stopped between its
                // write and its delete: finish it, and report it as assigned so the caller completes its side too.
                await DeleteAsync(unassigned, ct);
                return new ReadingAssignment(
                    unassigned.Count > 0 ? ReadingAssignmentOutcome.Assigned : ReadingAssignmentOutcome.AlreadyAssigned,
                    assigned[0].Reading);
            }

            if (unassigned.Count == 0)
            {
                return ReadingAssignment.NotFound;
            }

            var reading = unassigned[0].Reading with { PatientId = patientId };
            await write([reading], ct);
            await DeleteAsync(unassigned, ct);
            return new ReadingAssignment(ReadingAssignmentOutcome.Assigned, reading);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeleteAsync(IEnumerable<StoredPoint> points, CancellationToken ct)
    {
        foreach (var point in points)
        {
            using var result = await api.QueryAsync(DeleteStatement(point), HttpMethod.Post, ct);
            InfluxQueryResults.ThrowIfError(result.RootElement);
        }
    }

    /// <summary>
    /// Names exactly one point: every tag (an absent one as <c>''</c>, which matches series without it) and the time.
    /// Only unassigned points are ever deleted, so the patient predicate is the constant, not the stored value.
    /// </summary>
    internal static string DeleteStatement(StoredPoint point)
    {
        var statement = new StringBuilder("DELETE FROM ").Append(InfluxQl.Identifier(point.Measurement)).Append(" WHERE ");
        foreach (var tag in InfluxSchema.Tags)
        {
            var value = tag == InfluxSchema.PatientTag ? InfluxSchema.Unassigned : point.Tags[tag];
            statement.Append(InfluxQl.Identifier(tag)).Append(" = ").Append(InfluxQl.String(value)).Append(" AND ");
        }

        var ns = checked(point.TimeMs * 1_000_000);
        return statement.Append("time = ").Append(ns.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
