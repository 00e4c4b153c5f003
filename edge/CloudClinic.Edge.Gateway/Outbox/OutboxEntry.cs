using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// A committed reading waiting for the broker's PUBACK. <see cref="Payload"/> is its stored wire JSON, checked to
/// parse as <see cref="Reading"/>: the uplink sends these bytes as they are instead of serialising them again.
/// </summary>
internal sealed record OutboxEntry(string ReadingId, ReadingMessage Reading, bool Urgent, byte[] Payload);
