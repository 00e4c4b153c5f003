namespace CloudClinic.Ingestion.Health;

/// <summary>Whether the ingest worker is connected and subscribed right now, for <c>/readyz</c>.</summary>
internal sealed class IngestConnectionState
{
    private volatile string? _notReadyReason = "not connected to the broker yet";

    public bool IsSubscribed => _notReadyReason is null;

    public string? NotReadyReason => _notReadyReason;

    public void Subscribed() => _notReadyReason = null;

    public void Lost(string reason) => _notReadyReason = reason;
}
