using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// Frames the gateway could not use, with reason and raw bytes, for an admin to look at (DESIGN.md §3: rejected,
/// counted and kept, never dropped silently). Only the newest <c>Edge:RejectedFramesKept</c> are kept, and only
/// within the disk budget: a noisy line must not fill the disk that readings need.
/// </summary>
internal sealed class RejectedFrameStore(OutboxDatabase database, OutboxBudget budget, IOptions<EdgeOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// Keeps a frame; false when it does not fit the budget (the caller counts and logs it). A row moved out of the
    /// outbox passes <paramref name="withinBudget"/> false: it frees as much as it takes.
    /// </summary>
    public bool Add(string station, string reason, ReadOnlySpan<byte> raw, bool withinBudget = true)
    {
        var bytes = raw.ToArray();
        return database.Use(connection =>
        {
            if (withinBudget && !budget.Fits(connection, bytes.Length + reason.Length + station.Length, out _))
            {
                return false;
            }

            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO rejected_frames (station, received_at, reason, raw) VALUES ($station, $at, $reason, $raw);
                DELETE FROM rejected_frames WHERE id <= (SELECT MAX(id) FROM rejected_frames) - $keep;
                """;
            command.Parameters.AddWithValue("$station", station);
            command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$raw", bytes);
            command.Parameters.AddWithValue("$keep", options.Value.RejectedFramesKept);
            command.ExecuteNonQuery();
            return true;
        });
    }

    /// <summary>The newest rejected frames, newest first.</summary>
    public IReadOnlyList<RejectedFrame> Recent(int max) => database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT station, received_at, reason, raw FROM rejected_frames ORDER BY id DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var frames = new List<RejectedFrame>();
        while (reader.Read())
        {
            frames.Add(new RejectedFrame(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                (byte[])reader.GetValue(3)));
        }

        return frames;
    });
}
