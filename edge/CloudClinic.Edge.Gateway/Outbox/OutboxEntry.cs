using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>A committed reading waiting for the broker's PUBACK.</summary>
internal sealed record OutboxEntry(string ReadingId, ReadingMessage Reading, bool Urgent);
