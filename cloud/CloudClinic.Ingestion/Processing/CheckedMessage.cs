using CloudClinic.Contracts;

namespace CloudClinic.Ingestion.Processing;

/// <summary>A received message after validation: the readings to store, and why the rest was refused.</summary>
internal sealed class CheckedMessage(InboundMessage message)
{
    // Created on the first refusal: nearly every message has none, and the ingest checks every message.
    private List<string>? _refusals;

    public InboundMessage Message { get; } = message;

    /// <summary>The valid readings; the parsed list itself when the whole message is valid (the usual case).</summary>
    public IReadOnlyList<ReadingMessage> Accepted { get; set; } = [];

    /// <summary>
    /// Each accepted reading's own JSON object in the payload, in <see cref="Accepted"/>'s order (the evaluation queue
    /// stores these bytes instead of serializing the reading again); null when the payload was not read by the fast
    /// path and only the parsed readings are known.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? AcceptedJson { get; set; }

    public IReadOnlyList<string> Refusals => _refusals ?? (IReadOnlyList<string>)[];

    public void Refuse(string reason) => (_refusals ??= []).Add(reason);
}
