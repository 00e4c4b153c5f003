namespace CloudClinic.Registry.Model;

/// <summary>
/// An alert event committed in the same transaction as the alert change, published afterwards. A crash between the
/// commit and the MQTT PUBACK leaves <see cref="PublishedAt"/> null, so the next start publishes it (the alert-replay
/// gap closed); the alert id is deterministic, so a dashboard that saw it once sees the same alert again.
/// </summary>
public sealed class AlertOutboxEntry
{
    public long Id { get; set; }

    public string ClinicId { get; set; } = "";

    public string AlertId { get; set; } = "";

    public string Event { get; set; } = "";

    public string Severity { get; set; } = "";

    public string? GridId { get; set; }

    /// <summary>The AlertEventMessage as contract JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Set once every matching webhook got it or ran out of retries (the delivery log has each attempt).</summary>
    public DateTimeOffset? WebhooksDoneAt { get; set; }

    public int PublishAttempts { get; set; }

    public string? LastError { get; set; }
}
