using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Alerts.Webhooks;

/// <summary>
/// The <c>Alerts:Webhooks</c> section: how hard the robot webhooks are tried. The subscriptions themselves (URL,
/// format, clinic or grid) are rows of the registry's <c>webhook_subscriptions</c>, edited by clinic admins.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Alerts:Webhooks";

    /// <summary>Attempts per event and webhook, the first included; every attempt is a row of the delivery log.</summary>
    [Range(1, 20, ErrorMessage = "Alerts:Webhooks:MaxAttempts must be 1-20")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Base of the exponential backoff (with jitter) between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Alerts:Webhooks:RetryDelay must be between 1 ms and 10 min")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of a backoff delay and of a receiver's Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Alerts:Webhooks:MaxRetryDelay must be between 1 ms and 1 h")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One HTTP attempt (connect, send, response) longer than this counts as failed and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ErrorMessage = "Alerts:Webhooks:AttemptTimeout must be between 10 ms and 5 min")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often pending events are looked for when no commit wakes the dispatcher (other hosts' alerts).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Alerts:Webhooks:PollInterval must be between 10 ms and 10 min")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
