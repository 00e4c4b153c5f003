namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Frames the gateway committed, found twice or rejected since start (all stations).</summary>
internal sealed class AcquisitionCounters
{
    private long _committed;
    private long _duplicates;
    private long _rejected;

    /// <summary>Raised after any count changed.</summary>
    public event Action? Changed;

    public long CommittedCount => Interlocked.Read(ref _committed);

    public long DuplicateCount => Interlocked.Read(ref _duplicates);

    public long RejectedCount => Interlocked.Read(ref _rejected);

    public void Committed() => Raise(Interlocked.Increment(ref _committed));

    public void Duplicate() => Raise(Interlocked.Increment(ref _duplicates));

    public void Rejected() => Raise(Interlocked.Increment(ref _rejected));

    private void Raise(long _) => Changed?.Invoke();
}
