using System.Threading.Channels;

namespace CloudClinic.Ingestion;

/// <summary>
/// Takes the next batch off the received queue: full at <see cref="IngestOptions.BatchSize"/> messages or
/// <see cref="IngestOptions.MaxBatchBytes"/>; while other batches are being written it may wait up to
/// <see cref="IngestOptions.BatchLinger"/> to fill (batching by size and time). Used by the process loop only.
/// </summary>
internal sealed class BatchCollector(
    ChannelReader<InboundMessage> queue,
    IngestOptions options,
    IngestMetrics metrics,
    TimeProvider time,
    Func<int> currentConnection)
{
    private readonly ChannelReader<InboundMessage> _queue = queue;
    private readonly IngestOptions _options = options;
    private readonly IngestMetrics _metrics = metrics;
    private readonly TimeProvider _time = time;
    private readonly Func<int> _currentConnection = currentConnection;
    private long _bytes; // of the batch being collected

    public async Task<List<InboundMessage>> CollectAsync(bool othersInFlight, CancellationToken ct)
    {
        var batch = new List<InboundMessage>(_options.BatchSize);
        _bytes = 0;
        TakeAvailable(batch);
        if (batch.Count == 0 || IsFull(batch) || !othersInFlight || _options.BatchLinger <= TimeSpan.Zero)
        {
            return batch;
        }

        // Earlier batches are still being written, so waiting costs no latency there: fill this one up a little.
        using var linger = new CancellationTokenSource(_options.BatchLinger, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, linger.Token);
        try
        {
            while (!IsFull(batch) && await _queue.WaitToReadAsync(either.Token))
            {
                TakeAvailable(batch);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }

        return batch;
    }

    private void TakeAvailable(List<InboundMessage> batch)
    {
        while (!IsFull(batch) && _queue.TryRead(out var item))
        {
            // Skip copies from a connection that is gone: the broker re-sends them on the new one.
            if (item.Connection == _currentConnection())
            {
                batch.Add(item);
                _bytes += item.Payload.Length;
            }
            else
            {
                _metrics.InFlightChanged(-1);
            }
        }
    }

    /// <summary>Full by message count, or by bytes: 100-reading array messages fill a batch long before BatchSize does.</summary>
    private bool IsFull(List<InboundMessage> batch) =>
        batch.Count >= _options.BatchSize || _bytes >= _options.MaxBatchBytes;
}
