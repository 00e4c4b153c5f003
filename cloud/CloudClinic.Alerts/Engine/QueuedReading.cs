using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>A reading taken from the durable evaluation queue, with the row to delete once it is evaluated.</summary>
internal sealed record QueuedReading(long QueueId, bool Urgent, ReadingMessage Reading);
