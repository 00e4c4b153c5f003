namespace CloudClinic.Registry.Model;

/// <summary>
/// A stored reading waiting for the alert engine. The ingest inserts these in one transaction per batch before it
/// acknowledges the MQTT messages, so the ingest never waits for rule evaluation and a crash of either side loses no
/// evaluation; the engine deletes a row in the same transaction that commits the reading's alert changes, so a
/// reading is evaluated exactly once even when two engines race for it.
/// </summary>
public sealed class EvaluationQueueItem
{
    /// <summary>Written with plain SQL by the ingest (one prepared insert per row, no change tracking).</summary>
    public const string TableName = "alert_evaluation_queue";

    public long Id { get; set; }

    /// <summary>Looks urgent by the default limits: taken before ordinary rows, whatever their age.</summary>
    public bool Urgent { get; set; }

    public string ReadingId { get; set; } = "";

    /// <summary>The ReadingMessage as contract JSON.</summary>
    public string Reading { get; set; } = "";

    /// <summary>Unix milliseconds (an integer, so the ingest's plain SQL insert and EF agree on both providers).</summary>
    public long EnqueuedAtUnixMs { get; set; }
}
