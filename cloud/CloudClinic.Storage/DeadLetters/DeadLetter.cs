using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// SHA-256 (hex) of the topic, the reason and the whole payload as received. The store keeps one row per fingerprint: a
    /// message the broker re-sends because the ingest died before acknowledging it (or a gateway re-sending the same
    /// bytes) is the same dead letter received again, not a second one. Null for rows stored before fingerprints.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>How many times these exact bytes arrived on this topic (1 unless re-sent); counted by the store.</summary>
    public int TimesReceived { get; init; } = 1;

    /// <summary>When they last arrived; <see cref="ReceivedAt"/> is the first time.</summary>
    public DateTimeOffset? LastReceivedAt { get; init; }

    public bool IsTruncated => Payload.Length < PayloadLength;

    /// <summary>A new dead letter with a time-ordered id, its fingerprint and the payload capped.</summary>
    public static DeadLetter Create(string topic, string reason, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, string? clientId = null) => new()
    {
        Id = Guid.CreateVersion7(receivedAt),
        ReceivedAt = receivedAt,
        Topic = topic,
        Reason = reason,
        Payload = payload[..Math.Min(payload.Length, MaxPayloadBytes)].ToArray(),
        PayloadLength = payload.Length,
        ClientId = clientId,
        Fingerprint = FingerprintOf(topic, reason, payload),
    };

    public static string FingerprintOf(string topic, string reason, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(reason);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Lengths first, so no (topic, reason, payload) split of the same bytes is ambiguous.
        hash.AppendData(BitConverter.GetBytes(topic.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(topic));
        hash.AppendData(BitConverter.GetBytes(reason.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(reason));
        hash.AppendData(payload);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
