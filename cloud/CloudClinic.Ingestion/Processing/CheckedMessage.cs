using CloudClinic.Contracts;

namespace CloudClinic.Ingestion.Processing;

/// <summary>A received message after validation: the readings to store, and why the rest was refused.</summary>
internal sealed class CheckedMessage(InboundMessage message)
{
    public InboundMessage Message { get; } = message;

    public List<ReadingMessage> Accepted { get; } = [];

    public List<string> Refusals { get; } = [];
}
