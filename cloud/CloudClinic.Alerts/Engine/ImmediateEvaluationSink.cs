using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Where the ingest hands stored readings to the engine. While this process leads the engine, it evaluates them at
/// once, before the ingest acknowledges their MQTT messages: a crash before the engine's commit leaves the messages
/// unacknowledged, the broker sends them again, storing them again overwrites the same points, and the engine, which
/// keys what it raises by reading id, evaluates them again without raising anything twice. Otherwise — another process
/// leads, or the evaluation failed (registry busy or down, a lease handover) — the readings go to the durable queue
/// for whichever process leads (<see cref="DurableEvaluationQueue"/>), as before.
/// Why not always the queue: it keeps every reading's JSON in the registry until the engine is done with it, and those
/// bytes were the largest part of the ingest's CPU after the work every reading needs. Behind a firehose of
/// 100-reading messages (bench/README.md, 2026-11-30) the ingest spent 3.0–3.9 CPU-s on 300,000 readings with the
/// queue and 2.1–2.5 evaluating at once, about what it spent with no alerting at all.
/// </summary>
internal sealed partial class ImmediateEvaluationSink(
    AlertEngine engine,
    DurableEvaluationQueue queue,
    EngineLeadership leadership,
    AlertMetrics metrics,
    ILogger<ImmediateEvaluationSink> logger) : IAlertReadingSink
{
    public async ValueTask SubmitAsync(IReadOnlyList<ReceivedReading> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        if (leadership.IsLeader && await TryEvaluateAsync(readings, ct))
        {
            return;
        }

        await queue.SubmitAsync(readings, ct);
    }

    private async Task<bool> TryEvaluateAsync(IReadOnlyList<ReceivedReading> readings, CancellationToken ct)
    {
        // Urgent-looking readings in a transaction of their own, first, as the queue takes their rows first: their
        // alerts do not wait for the commit of a whole batch of ordinary readings.
        var urgent = new List<ReadingMessage>();
        var ordinary = new List<ReadingMessage>(readings.Count);
        foreach (var received in readings)
        {
            (ReadingRules.LooksUrgent(received.Reading) ? urgent : ordinary).Add(received.Reading);
        }

        try
        {
            await engine.ProcessReadingsAsync(urgent, ct);
            await engine.ProcessReadingsAsync(ordinary, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // All of them go to the queue, the urgent ones too should only the ordinary commit have failed: evaluating a
            // reading again raises nothing twice.
            LogEvaluationFailed(logger, ex, readings.Count);
            return false;
        }

        metrics.EvaluatedAtOnce(readings.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating {ReadingCount} stored readings at once failed; they are queued for the engine instead")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, int readingCount);
}
