using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Ingestion;

/// <summary>The <c>Ingest</c> section (DESIGN.md §9); every message names the key.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Fixed MQTT client id: the broker keeps this worker's session (and unacknowledged readings) under it.</summary>
    [Required(ErrorMessage = "Ingest:ClientId must be set")]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Ingest:ClientId must be 1–64 letters, digits, '_' or '-'")]
    public string ClientId { get; set; } = "cloudclinic-ingest";

    /// <summary>MQTT 5 shared subscription group (<c>$share/{group}/…</c>) so N workers split the readings; unset = one worker.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Ingest:SharedGroup must be 1–64 letters, digits, '_' or '-'")]
    public string? SharedGroup { get; set; }

    /// <summary>
    /// 1 MiB: a full 500-reading backlog array (DESIGN.md §3) is ~300 KB. Larger messages are dead-lettered unparsed
    /// (kept truncated to <c>DeadLetter.MaxPayloadBytes</c>) instead of being parsed into memory.
    /// </summary>
    public const int DefaultMaxPayloadBytes = 1024 * 1024;

    /// <summary>Largest readings payload parsed; a larger one is refused with its size as the reason and acknowledged.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Ingest:MaxPayloadBytes must be between 1024 and 268435456")]
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>
    /// Where to serve <c>/healthz</c>, <c>/readyz</c> and the dead-letter admin API, e.g. <c>http://127.0.0.1:8081</c>
    /// (loopback: the admin API has no authentication of its own). Unset = no HTTP listener.
    /// </summary>
    [RegularExpression(@"^http://[A-Za-z0-9.\-]+:[0-9]{1,5}/?$", ErrorMessage = "Ingest:HealthUrl must be http://host:port, e.g. http://127.0.0.1:8081")]
    public string? HealthUrl { get; set; }

    /// <summary>
    /// Most MQTT messages written to the store in one batch. A cap, not a wait: at a trickle batches are as small as
    /// what has arrived. It is what lets the ingest catch up when it falls behind — every batch costs two durable
    /// commits (store, evaluation queue), so at 100 the alert benchmark's 2,050 msg/s outran it and urgent alerts
    /// waited seconds behind the backlog; at 1,000 they did not.
    /// </summary>
    [Range(1, 5000, ErrorMessage = "Ingest:BatchSize must be between 1 and 5000")]
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// A batch is also full once its payloads reach this many bytes (4 MiB ≈ 12,000 readings in array messages), so
    /// batches of backlog arrays stay small enough to be written concurrently.
    /// </summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Ingest:MaxBatchBytes must be between 1024 and 268435456")]
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most readings (InfluxDB points) in one write: 5,000 is InfluxDB's recommended batch size and where its
    /// throughput levels off (PLATFORM-NOTES.md); larger batches of array messages are written in several requests.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Ingest:MaxPointsPerWrite must be between 1 and 100000")]
    public int MaxPointsPerWrite { get; set; } = 5000;

    /// <summary>
    /// Batches being written (and not yet acknowledged) at once. More than one overlaps parsing, writing and
    /// acknowledging and gives InfluxDB concurrent writes; acknowledgements stay in the order received.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Ingest:MaxInFlightBatches must be between 1 and 64")]
    public int MaxInFlightBatches { get; set; } = 4;

    /// <summary>
    /// While earlier batches are still being written, how long a new batch may wait to fill up before it is written
    /// (batching by time; an idle ingest writes at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Ingest:BatchLinger must be between 0 and 10 seconds")]
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the broker keeps the session (and queued readings) while this worker is away.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "49710.00:00:00", ErrorMessage = "Ingest:SessionExpiry must be between 1 minute and 49710 days")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Longest wait between retries of the store, the alert publisher and the broker connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Ingest:MaxRetryDelay must be between 10 ms and 1 hour")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
