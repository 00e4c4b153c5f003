using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// A committed reading waiting for the broker's PUBACK. <see cref="Payload"/> is its stored wire JSON, checked to be
/// one complete JSON object carrying this readingId (<see cref="OutboxRowCheck"/>): the uplink sends these bytes as
/// they are, so it never parses or re-serialises them.
/// </summary>
internal sealed record OutboxEntry(string ReadingId, bool Urgent, byte[] Payload)
{
    /// <summary>The reading, parsed from <see cref="Payload"/> on each access (for inspection; the uplink does not need it).</summary>
    public ReadingMessage Reading =>
        JsonSerializer.Deserialize(Payload, ContractJsonContext.Default.ReadingMessage) ?? throw new JsonException("null reading");
}
