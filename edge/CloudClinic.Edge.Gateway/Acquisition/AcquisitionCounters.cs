namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Frames the gateway committed, found twice, rejected or refused (outbox full) since start (all stations).</summary>
internal sealed class AcquisitionCounters
{
    private long _committed;
    private long _duplicates;
    private long _rejected;
    private long _refused;
    private long _rejectedNotKept;
    private long _memoryReads;

    /// <summary>Raised after any count changed.</summary>
    public event Action? Changed;

    public long CommittedCount => Interlocked.Read(ref _committed);

    public long DuplicateCount => Interlocked.Read(ref _duplicates);

    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Readings not committed because the outbox budget was reached (Edge:OutboxBudgetBytes).</summary>
    public long RefusedCount => Interlocked.Read(ref _refused);

    public void Committed() => Raise(Interlocked.Increment(ref _committed));

    public void Duplicate() => Raise(Interlocked.Increment(ref _duplicates));

    public void Rejected() => Raise(Interlocked.Increment(ref _rejected));

    /// <summary>Rejected or refused frames whose bytes did not fit the outbox budget: counted, not kept.</summary>
    public long RejectedNotKeptCount => Interlocked.Read(ref _rejectedNotKept);

    public void RejectedNotKept() => Raise(Interlocked.Increment(ref _rejectedNotKept));

    public void Refused() => Raise(Interlocked.Increment(ref _refused));

    /// <summary>Complete reads of a host-polled or meter-initiated meter's memory (every record seen once).</summary>
    public long MemoryReadCount => Interlocked.Read(ref _memoryReads);

    public void MemoryRead() => Raise(Interlocked.Increment(ref _memoryReads));

    private void Raise(long _) => Changed?.Invoke();
}
