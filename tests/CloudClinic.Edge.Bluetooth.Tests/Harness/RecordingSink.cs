namespace CloudClinic.Edge.Bluetooth.Tests.Harness;

/// <summary>An <see cref="IBleRecordSink"/> that keeps everything and lets a test await a condition (no sleeps).</summary>
public sealed class RecordingSink : IBleRecordSink
{
    private readonly Lock _lock = new();
    private readonly List<BleMeterRecord> _records = [];
    private readonly List<BleRejectedValue> _rejected = [];
    private readonly List<BleSessionResult> _sessions = [];
    private readonly List<(Func<RecordingSink, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<BleMeterRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records];
            }
        }
    }

    public IReadOnlyList<BleRejectedValue> Rejected
    {
        get
        {
            lock (_lock)
            {
                return [.. _rejected];
            }
        }
    }

    public IReadOnlyList<BleSessionResult> Sessions
    {
        get
        {
            lock (_lock)
            {
                return [.. _sessions];
            }
        }
    }

    public ValueTask CommitAsync(BleMeterRecord record, CancellationToken cancellationToken) => Add(() => _records.Add(record));

    public ValueTask RejectAsync(BleRejectedValue rejected, CancellationToken cancellationToken) => Add(() => _rejected.Add(rejected));

    public ValueTask SessionEndedAsync(BleSessionResult result, CancellationToken cancellationToken) => Add(() => _sessions.Add(result));

    /// <summary>Completes once <paramref name="condition"/> holds; fails with the state seen after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(Func<RecordingSink, bool> condition, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not happen within {timeout}: {Records.Count} records, {Rejected.Count} rejected, sessions: "
                + string.Join(" | ", Sessions.Select(s => $"{(s.Completed ? "ok" : "failed")} {s.Detail}")));
        }
    }

    private ValueTask Add(Action add)
    {
        lock (_lock)
        {
            add();
            foreach (var waiter in _waiters.Where(w => w.Condition(this)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }
}
