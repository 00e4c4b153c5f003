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
        try
        {
            await semaphore.WaitAsync(ct).WaitAsync(poll, time, ct);
        }
        catch (TimeoutException)
        {
            // Poll: entries of another process sharing the registry, or a publish that failed before.
        }
    }
}
