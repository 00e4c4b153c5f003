namespace CloudClinic.Edge.Status;

/// <summary>The <c>status --json</c> document: the snapshot with the oldest reading's age worked out.</summary>
internal sealed record StatusReport(
    string OutboxPath,
    long Backlog,
    long UrgentPending,
    DateTimeOffset? OldestPendingReceivedAt,
    double? OldestPendingAgeSeconds,
    long RejectedFrames,
    RejectedFrameSummary? LastError);
