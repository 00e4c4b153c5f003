namespace CloudClinic.Ingestion;

/// <summary>A batch whose processing has started; acknowledged, in order, once <see cref="Processing"/> completes.</summary>
internal sealed record PendingBatch(List<InboundMessage> Batch, Task Processing);
