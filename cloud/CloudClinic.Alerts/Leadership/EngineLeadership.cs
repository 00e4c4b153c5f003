namespace CloudClinic.Alerts.Leadership;

/// <summary>
/// Whether this process holds the alert engine's lease. The engine's background jobs (evaluation queue, schedule,
/// outbox and webhook dispatchers, gateway status) wait here, so when the ingest and the dashboard both host the
/// alerting services over one registry, one of them runs the jobs and an alert is raised and sent once.
/// People's actions (acknowledge, resolve, snooze) do not wait: they are single transactions in any process.
/// Leadership also lapses on its own clock, before the lease could pass to another process, so a holder whose renewal
/// stalls (a paused process, a starved thread pool) stops publishing even before its renew loop notices.
/// </summary>
public sealed class EngineLeadership(TimeProvider time)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _acquired = NewSource();
    private bool _leader;
    private DateTimeOffset _validUntil;

    /// <summary>Checked before each publish: true only while the last renewal is recent enough.</summary>
    public bool IsLeader => _leader && time.GetUtcNow() < _validUntil;

    /// <summary>Completes at once while this process leads, otherwise when it next acquires the lease.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _acquired.Task.WaitAsync(ct);
        }
    }

    /// <param name="leader">Whether the lease is held.</param>
    /// <param name="validUntil">Until when this process may act on it without a further renewal.</param>
    internal void Set(bool leader, DateTimeOffset validUntil = default)
    {
        lock (_lock)
        {
            _validUntil = validUntil;
            if (leader == _leader)
            {
                return;
            }

            _leader = leader;
            if (leader)
            {
                _acquired.TrySetResult();
            }
            else
            {
                _acquired = NewSource();
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
