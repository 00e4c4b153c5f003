namespace CloudClinic.Storage.DeadLetters;

/// <summary>
/// A message the ingest refused (DESIGN.md §3: "kept in a dead-letter store that an admin can see"), with the raw
/// payload as received — capped at <see cref="MaxPayloadBytes"/>, the original length kept beside it.
/// </summary>
public sealed record DeadLetter
{
    /// <summary>1 MiB: enough for a full 500-reading batch; a larger payload is kept truncated.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    public required Guid Id { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Topic { get; init; }

    public required string Reason { get; init; }

    /// <summary>The payload as received, at most <see cref="MaxPayloadBytes"/>.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Length of the payload as received, before any truncation.</summary>
    public required int PayloadLength { get; init; }

    /// <summary>The sender's MQTT client id, when the receiver knows it (a broker hook does; a subscriber does not).</summary>
    public string? ClientId { get; init; }

    public bool IsTruncated => Payload.Length < PayloadLength;

    /// <summary>A new dead letter with a time-ordered id and the payload capped.</summary>
    public static DeadLetter Create(string topic, string reason, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, string? clientId = null) => new()
    {
        Id = Guid.CreateVersion7(receivedAt),
        ReceivedAt = receivedAt,
        Topic = topic,
        Reason = reason,
        Payload = payload[..Math.Min(payload.Length, MaxPayloadBytes)].ToArray(),
        PayloadLength = payload.Length,
        ClientId = clientId,
    };
}
