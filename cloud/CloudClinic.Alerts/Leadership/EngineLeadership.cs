namespace CloudClinic.Alerts.Leadership;

/// <summary>
/// Whether this process holds the alert engine's lease. The engine's background jobs (evaluation queue, schedule,
/// outbox and webhook dispatchers, gateway status) wait here, so when the ingest and the dashboard both host the
/// alerting services over one registry, one of them runs the jobs and an alert is raised and sent once.
/// People's actions (acknowledge, resolve, snooze) do not wait: they are single transactions in any process.
/// </summary>
public sealed class EngineLeadership
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _acquired = NewSource();

    public bool IsLeader { get; private set; }

    /// <summary>Completes at once while this process leads, otherwise when it next acquires the lease.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _acquired.Task.WaitAsync(ct);
        }
    }

    internal void Set(bool leader)
    {
        lock (_lock)
        {
            if (leader == IsLeader)
            {
                return;
            }

            IsLeader = leader;
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
