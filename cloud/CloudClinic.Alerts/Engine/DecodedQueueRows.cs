using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The readings of evaluation queue rows this process inserted, kept in memory so the local engine takes them without
/// reading the row's JSON back and parsing it again (at ingest rates that round trip cost more than the rules). Only a
/// shortcut: the row in the registry stays the record, <see cref="DurableEvaluationQueue"/> consults this only for
/// rows its query chose, and a row missing here (evicted, inserted by another process, or after a restart) is read
/// from the registry as before. Bounded in readings, so an engine far behind (or running in another process) costs
/// memory up to the bound and no more.
/// </summary>
internal sealed class DecodedQueueRows(int maxReadings)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Row> _rows = [];
    private int _readings;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Keeps a committed row's readings, unless that would exceed the bound.</summary>
    public void Add(long id, bool urgent, DateTimeOffset enqueuedAt, IReadOnlyList<ReadingMessage> readings)
    {
        lock (_lock)
        {
            if (_readings + readings.Count > maxReadings || !_rows.TryAdd(id, new Row(urgent, enqueuedAt, readings)))
            {
                return;
            }

            _readings += readings.Count;
        }
    }

    public bool TryTake(long id, out QueuedBatch batch)
    {
        lock (_lock)
        {
            if (!_rows.Remove(id, out var row))
            {
                batch = null!;
                return false;
            }

            _readings -= row.Readings.Count;
            batch = new QueuedBatch(id, row.Urgent, row.EnqueuedAt, row.Readings);
            return true;
        }
    }

    /// <summary>
    /// Drops rows that can no longer be chosen, given the head of the queue: the engine takes urgent rows, then
    /// ordinary ones, each oldest (lowest id) first, so a kept row older than the head of its kind — or urgent while
    /// the head is ordinary — was evaluated elsewhere. With no head at all, every kept row is gone. A row committed
    /// after the head was read may be dropped too; it is then read from the registry.
    /// </summary>
    public void Prune(long? headId, bool headUrgent)
    {
        lock (_lock)
        {
            if (_rows.Count == 0)
            {
                return;
            }

            foreach (var (id, row) in _rows)
            {
                if (headId is not { } head || (row.Urgent && (!headUrgent || id < head)) || (!row.Urgent && !headUrgent && id < head))
                {
                    _rows.Remove(id);
                    _readings -= row.Readings.Count;
                }
            }
        }
    }

    private sealed record Row(bool Urgent, DateTimeOffset EnqueuedAt, IReadOnlyList<ReadingMessage> Readings);
}
