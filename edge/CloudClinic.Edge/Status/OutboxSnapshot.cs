namespace CloudClinic.Edge.Status;

/// <summary>What the <c>status</c> command found in the outbox database at one moment.</summary>
/// <param name="OldestPendingReceivedAt">When the oldest unacknowledged reading was received; null when the backlog is empty.</param>
/// <param name="LastRejected">The newest rejected frame: the only error the outbox database records.</param>
internal sealed record OutboxSnapshot(
    string OutboxPath,
    long Backlog,
    long UrgentPending,
    DateTimeOffset? OldestPendingReceivedAt,
    long RejectedFrames,
    RejectedFrameSummary? LastRejected);
