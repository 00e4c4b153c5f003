namespace CloudClinic.Registry.Model;

/// <summary>
/// Stored readings waiting for the alert engine, one row per chunk of an ingest batch. The ingest inserts these in
/// one transaction per batch before it acknowledges the MQTT messages, so the ingest never waits for rule evaluation
/// and a crash of either side loses no evaluation; the engine deletes a row in the same transaction that commits the
/// alert changes of its readings, so a reading is evaluated exactly once even when two engines race for it. A row
/// holds many readings because per-reading rows made the queue cost more than the rules: one b-tree insert and one
/// delete for every reading.
/// </summary>
public sealed class EvaluationQueueItem
{
    /// <summary>Written with plain SQL by the ingest (one prepared insert per row, no change tracking).</summary>
    public const string TableName = "alert_evaluation_queue";

    public long Id { get; set; }

    /// <summary>Every reading in the row looks urgent by the default limits: taken before ordinary rows, whatever their age.</summary>
    public bool Urgent { get; set; }

    /// <summary>How many readings <see cref="Readings"/> holds, so the engine can size a batch before loading any.</summary>
    public int ReadingCount { get; set; }

    /// <summary>The readings as a contract JSON array of ReadingMessage, in the order they were stored.</summary>
    public string Readings { get; set; } = "";

    /// <summary>Unix milliseconds (an integer, so the ingest's plain SQL insert and EF agree on both providers).</summary>
    public long EnqueuedAtUnixMs { get; set; }
}
