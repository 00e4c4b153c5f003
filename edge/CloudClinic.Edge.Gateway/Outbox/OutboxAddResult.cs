namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>What <see cref="OutboxStore.TryAdd"/> did with a reading.</summary>
internal enum OutboxAddResult
{
    /// <summary>Committed: on disk, the meter may be acknowledged.</summary>
    Added,

    /// <summary>A row with the same readingId is already waiting (read twice): kept once.</summary>
    Duplicate,

    /// <summary>Not committed: the disk budget is reached (DESIGN.md §5). The caller must not treat it as stored.</summary>
    Refused,
}
