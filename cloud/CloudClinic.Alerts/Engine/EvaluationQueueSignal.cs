namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Wakes the evaluation worker when this process queued readings. Another process's inserts are found by the
/// worker's poll, so a missed signal costs at most one poll interval, never a reading.
/// </summary>
internal sealed class EvaluationQueueSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the next take sees every committed row.
        }
    }

    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _queued.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Poll interval: rows queued by another process sharing the registry.
        }
    }
}
