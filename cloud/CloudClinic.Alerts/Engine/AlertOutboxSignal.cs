namespace CloudClinic.Alerts.Engine;

/// <summary>Wakes the outbox dispatchers after a commit, so an urgent alert goes out now, not at the next poll.</summary>
public sealed class AlertOutboxSignal
{
    private readonly SemaphoreSlim _mqtt = new(0, 1);
    private readonly SemaphoreSlim _webhooks = new(0, 1);

    public void Notify()
    {
        Release(_mqtt);
        Release(_webhooks);
    }

    /// <summary>Waits for a commit or the poll interval, whichever comes first.</summary>
    public Task WaitMqttAsync(TimeSpan poll, TimeProvider time, CancellationToken ct) => WaitAsync(_mqtt, poll, time, ct);

    public Task WaitWebhooksAsync(TimeSpan poll, TimeProvider time, CancellationToken ct) => WaitAsync(_webhooks, poll, time, ct);

    private static void Release(SemaphoreSlim semaphore)
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the next pass sees every committed entry.
        }
    }

    private static async Task WaitAsync(SemaphoreSlim semaphore, TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        // Cancel the wait itself at the poll interval. (Wrapping it in Task.WaitAsync(timeout) would leave the
        // semaphore waiter behind; the next Notify would wake that orphan and the dispatcher would sleep a full poll.)
        using var timeout = new CancellationTokenSource(poll, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await semaphore.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Poll: entries of another process sharing the registry, or a publish that failed before.
        }
    }
}
