using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>A reading on its way into the evaluation queue, with its JSON object as received (empty when not known).</summary>
internal readonly record struct QueuedReading(ReadingMessage Reading, ReadOnlyMemory<byte> ReceivedJson);
