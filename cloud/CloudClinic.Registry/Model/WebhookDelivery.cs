namespace CloudClinic.Registry.Model;

/// <summary>One delivery attempt of one alert event to one webhook: a failure is a row an admin can see.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public long SubscriptionId { get; set; }

    public long OutboxEntryId { get; set; }

    public string AlertId { get; set; } = "";

    public string Event { get; set; } = "";

    public int Attempt { get; set; }

    public DateTimeOffset At { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>The last attempt for this event: no more retries follow.</summary>
    public bool Final { get; set; }
}
