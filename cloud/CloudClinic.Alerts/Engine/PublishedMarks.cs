namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Outbox entries the broker has acknowledged but the registry does not yet say so. The dispatcher records them
/// together (at most every <see cref="AlertOutboxDispatcher"/> mark interval) instead of one commit per pass: with 50
/// urgent alerts a second, those commits competed with the engine's for the registry's single writer. Used by the
/// dispatcher's loop only.
/// </summary>
internal sealed class PublishedMarks
{
    private readonly List<long> _ids = [];
    private long? _oldestAtTimestamp;

    public int Count => _ids.Count;

    /// <summary>The ids to leave out of the next pending query: published already, so not to be sent twice.</summary>
    public IReadOnlyList<long> Ids => _ids;

    public void Add(long id, long timestamp)
    {
        _ids.Add(id);
        _oldestAtTimestamp ??= timestamp;
    }

    public bool IsDue(TimeProvider time, TimeSpan interval, int maxPending) =>
        _ids.Count >= maxPending || (_oldestAtTimestamp is { } oldest && time.GetElapsedTime(oldest) >= interval);

    public List<long> Take()
    {
        var taken = new List<long>(_ids);
        _ids.Clear();
        _oldestAtTimestamp = null;
        return taken;
    }

    /// <summary>A flush that failed: the ids stay pending (left out of queries) and are tried again.</summary>
    public void Restore(List<long> ids, long timestamp)
    {
        _ids.InsertRange(0, ids);
        _oldestAtTimestamp ??= timestamp;
    }
}
