using CloudClinic.Alerts.Engine;
using CloudClinic.Contracts;
using CloudClinic.Storage;
using CloudClinic.Storage.DeadLetters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CloudClinic.Ingestion.Processing;

/// <summary>
/// Handles a batch of received messages up to the point where they may be acknowledged: refused ones go to the
/// dead letters, valid readings are written to the store in one batch (retried while the store is down, split when
/// it is too large, a refused reading dead-lettered), then the stored readings are handed to the alert engine
/// (<see cref="IAlertReadingSink"/>: evaluated and committed at once in the process that leads the engine, else a
/// durable queue insert). When this returns, everything in the batch is durable somewhere, its evaluation included or
/// queued; when it throws, nothing may be acknowledged.
/// </summary>
internal sealed partial class IngestBatchProcessor
{
    private readonly IReadingStore _store;
    private readonly IDeadLetterStore _deadLetters;
    private readonly IAlertReadingSink _alerts;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestBatchProcessor> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly int _maxPayloadBytes;
    private readonly int _maxPointsPerWrite;

    public IngestBatchProcessor(
        IReadingStore store,
        IDeadLetterStore deadLetters,
        IAlertReadingSink alerts,
        IngestMetrics metrics,
        TimeProvider time,
        IOptions<IngestOptions> options,
        ILogger<IngestBatchProcessor> logger)
    {
        _store = store;
        _deadLetters = deadLetters;
        _alerts = alerts;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _retry = IngestRetry.Create(options.Value.MaxRetryDelay, time, logger);
        _maxPayloadBytes = options.Value.MaxPayloadBytes;
        _maxPointsPerWrite = options.Value.MaxPointsPerWrite;
    }

    /// <summary>Creates the stores' tables/database, retrying until they are reachable.</summary>
    public async Task EnsureStorageAsync(CancellationToken ct) =>
        await _retry.ExecuteAsync(
            async token =>
            {
                await _store.EnsureCreatedAsync(token);
                await _deadLetters.EnsureCreatedAsync(token);
            },
            ct);

    public async Task ProcessAsync(IReadOnlyList<InboundMessage> batch, CancellationToken ct)
    {
        _metrics.BatchHandled(batch.Count);
        var now = _time.GetUtcNow();
        var checkedMessages = new List<CheckedMessage>(batch.Count);
        foreach (var message in batch)
        {
            _metrics.MessageReceived();
            checkedMessages.Add(MessageChecker.Check(message, now, _maxPayloadBytes));
        }

        var accepted = checkedMessages.Sum(m => m.Accepted.Count);
        var stored = new List<ReceivedReading>(accepted);

        // A batch counts MQTT messages, and one message may hold 500 readings: bound each write in points too. One list
        // of at most that many, refilled for each write: a batch of array messages is ~10,000 readings, and copying them
        // through LINQ's ToList and Chunk made large-object arrays, 9% of the ingest's allocated bytes at 100/msg.
        var write = new List<ToStoreItem>(Math.Min(accepted, _maxPointsPerWrite));
        foreach (var message in checkedMessages)
        {
            for (var i = 0; i < message.Accepted.Count; i++)
            {
                write.Add(new ToStoreItem(message, new ReceivedReading(message.Accepted[i], message.AcceptedJson?[i] ?? ReadOnlyMemory<byte>.Empty)));
                if (write.Count == _maxPointsPerWrite)
                {
                    await WriteAsync(write, stored, ct);
                    write.Clear();
                }
            }
        }

        await WriteAsync(write, stored, ct);

        foreach (var message in checkedMessages.Where(m => m.Refusals.Count > 0))
        {
            await DeadLetterAsync(message, ct);
        }

        await _alerts.SubmitAsync(stored, ct);
    }

    private async Task WriteAsync(List<ToStoreItem> items, List<ReceivedReading> stored, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }

        try
        {
            var readings = items.ConvertAll(i => i.Received.Reading);
            await _retry.ExecuteAsync(token => new ValueTask(TimedWriteAsync(readings, token)), ct);
            stored.AddRange(items.Select(i => i.Received));
            _metrics.ReadingsStored(readings.Count);
        }
        catch (ReadingStoreException ex) when (ex.Kind is ReadingStoreFailure.TooLarge or ReadingStoreFailure.Rejected)
        {
            if (items.Count == 1)
            {
                // Retrying cannot help a single reading the store refuses: keep it as a dead letter instead.
                items[0].Message.Refuse($"reading '{items[0].Received.Reading.ReadingId}' refused by the store: {ex.Message}");
                return;
            }

            // Halve to isolate the refused reading (or fit the size limit); re-writing the rest is harmless.
            LogSplitting(_logger, items.Count, ex.Kind, ex.Message);
            var half = items.Count / 2;
            await WriteAsync(items[..half], stored, ct);
            await WriteAsync(items[half..], stored, ct);
        }
    }

    private async Task TimedWriteAsync(List<ReadingMessage> readings, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var outcome = "ok";
        try
        {
            await _store.WriteAsync(readings, ct);
        }
        catch (ReadingStoreException ex)
        {
            outcome = ex.Kind switch
            {
                ReadingStoreFailure.TooLarge => "too_large",
                ReadingStoreFailure.Rejected => "rejected",
                _ => "transient",
            };
            throw;
        }
        finally
        {
            _metrics.WriteFinished(_time.GetElapsedTime(started), outcome);
        }
    }

    private async Task DeadLetterAsync(CheckedMessage message, CancellationToken ct)
    {
        var reason = string.Join("; ", message.Refusals);
        var inbound = message.Message;
        var deadLetter = DeadLetter.Create(inbound.Topic, reason, inbound.Payload, inbound.ReceivedAt);
        await _retry.ExecuteAsync(token => new ValueTask(_deadLetters.AddAsync(deadLetter, token)), ct);
        _metrics.MessageDeadLettered();
        LogDeadLettered(_logger, inbound.Topic, deadLetter.Id, reason);
    }

    /// <summary>A reading to write (with its JSON as received, for an evaluation-queue row) and the message it came in.</summary>
    private readonly record struct ToStoreItem(CheckedMessage Message, ReceivedReading Received);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered a message on {Topic} as {DeadLetterId}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, Guid deadLetterId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Splitting a batch of {Count} readings after the store answered {Kind}: {Reason}")]
    private static partial void LogSplitting(ILogger logger, int count, ReadingStoreFailure kind, string reason);
}
