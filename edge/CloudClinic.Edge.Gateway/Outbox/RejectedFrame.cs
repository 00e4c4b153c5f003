namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>A frame that was not turned into a reading, and why.</summary>
internal sealed record RejectedFrame(string Station, DateTimeOffset ReceivedAt, string Reason, ReadOnlyMemory<byte> Raw);
