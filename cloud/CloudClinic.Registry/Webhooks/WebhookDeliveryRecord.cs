namespace CloudClinic.Registry.Webhooks;

/// <summary>One attempt of the webhook delivery log, as the dashboard shows it.</summary>
public sealed record WebhookDeliveryRecord(
    long Id,
    long SubscriptionId,
    string SubscriptionName,
    string AlertId,
    string Event,
    int Attempt,
    DateTimeOffset At,
    int? StatusCode,
    string? Error,
    bool Succeeded,
    bool Final)
{
    /// <summary>The webhook never took this event and no retry follows: show it in red.</summary>
    public bool Failed => Final && !Succeeded;
}
