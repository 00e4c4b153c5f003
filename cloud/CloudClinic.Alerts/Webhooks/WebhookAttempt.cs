namespace CloudClinic.Alerts.Webhooks;

/// <summary>The outcome of one HTTP attempt as the retry pipeline and the delivery log see it.</summary>
internal sealed record WebhookAttempt(int? StatusCode, string? Error, bool Succeeded, bool Retryable, TimeSpan? RetryAfter)
{
    public static WebhookAttempt Failed(string error) => new(null, error, Succeeded: false, Retryable: true, RetryAfter: null);
}
