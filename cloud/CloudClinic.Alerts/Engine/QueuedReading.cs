using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>A stored reading waiting for the engine; <see cref="Committed"/> is completed for urgent-looking ones.</summary>
internal sealed record QueuedReading(ReadingMessage Reading, TaskCompletionSource? Committed);
