using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Edge.Status;

/// <summary>
/// <c>status [--json]</c>: backlog, urgent readings waiting, the oldest waiting reading's age and the rejected frames,
/// read from the outbox file the gateway uses (<c>Edge:OutboxPath</c>). Exit 0, or 1 with a one-line reason when the
/// database cannot be read; 2 for bad arguments.
/// </summary>
internal static class StatusCommand
{
    private const string Usage = "usage: status [--json]";

    /// <param name="configuredOutboxPath"><c>Edge:OutboxPath</c>; relative to <paramref name="contentRoot"/> as in the gateway.</param>
    public static int Run(string[] args, string? configuredOutboxPath, string contentRoot, TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        if (args is not ([] or ["--json"]))
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (string.IsNullOrWhiteSpace(configuredOutboxPath))
        {
            error.WriteLine("cannot read the outbox: Edge:OutboxPath is not set");
            return 1;
        }

        var outboxPath = Path.GetFullPath(configuredOutboxPath, contentRoot);

        // Checked first: SQLite's own message for a missing read-only file ("unable to open database file") hides which file.
        if (!File.Exists(outboxPath))
        {
            error.WriteLine($"cannot read the outbox: {outboxPath} does not exist (Edge:OutboxPath; has the gateway run yet?)");
            return 1;
        }

        OutboxSnapshot snapshot;
        try
        {
            snapshot = OutboxSnapshotReader.Read(outboxPath);
        }
        catch (SqliteException ex)
        {
            error.WriteLine($"cannot read the outbox {outboxPath}: {ex.Message}");
            return 1;
        }

        var now = timeProvider.GetUtcNow();
        var age = snapshot.OldestPendingReceivedAt is { } oldest ? now - oldest : (TimeSpan?)null;
        if (args is ["--json"])
        {
            var report = new StatusReport(snapshot.OutboxPath, snapshot.Backlog, snapshot.UrgentPending, snapshot.OldestPendingReceivedAt,
                age?.TotalSeconds, snapshot.RejectedFrames, snapshot.LastRejected);
            output.WriteLine(JsonSerializer.Serialize(report, StatusJsonContext.Default.StatusReport));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"outbox:          {snapshot.OutboxPath}");
        output.WriteLine(string.Create(c, $"backlog:         {snapshot.Backlog} reading(s) waiting for the broker"));
        output.WriteLine(string.Create(c, $"urgent pending:  {snapshot.UrgentPending}"));
        output.WriteLine(age is { } a
            ? string.Create(c, $"oldest pending:  {FormatAge(a)} old (received {snapshot.OldestPendingReceivedAt:yyyy-MM-ddTHH:mm:ssZ})")
            : "oldest pending:  none");
        output.WriteLine(string.Create(c, $"rejected frames: {snapshot.RejectedFrames}"));
        output.WriteLine(snapshot.LastRejected is { } last
            ? string.Create(c, $"last error:      {last.ReceivedAt:yyyy-MM-ddTHH:mm:ssZ} station {last.Station}: {last.Reason}")
            : "last error:      none recorded");
        return 0;
    }

    /// <summary>"3d 4h 5m 6s", largest unit first, zero units left out; under a second is "0s".</summary>
    internal static string FormatAge(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            // The gateway's clock was ahead when it stored the reading (no RTC on a Pi until NTP syncs).
            return "-" + FormatAge(-age);
        }

        var parts = new List<string>(4);
        if (age.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{age.Days}d"));
        }

        if (age.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{age.Hours}h"));
        }

        if (age.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{age.Minutes}m"));
        }

        if (age.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{age.Seconds}s"));
        }

        return string.Join(' ', parts);
    }
}
