using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>Readings taken from one row of the durable evaluation queue, with the row to delete once they are evaluated.</summary>
internal sealed record QueuedBatch(long QueueId, bool Urgent, DateTimeOffset EnqueuedAt, IReadOnlyList<ReadingMessage> Readings);
