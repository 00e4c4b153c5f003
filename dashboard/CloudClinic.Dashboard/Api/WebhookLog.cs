namespace CloudClinic.Dashboard.Api;

/// <summary>One robot webhook of a clinic and how its deliveries went: a failure is shown here, never silent.</summary>
internal sealed record WebhookLog(
    long Id,
    string Name,
    string? GridId,
    string Format,
    bool Enabled,
    string Target,
    int Delivered,
    int Failed,
    DateTimeOffset? LastAttemptAt,
    WebhookFailure[] RecentFailures);

/// <summary>A delivery that ran out of retries (the final row of its attempts).</summary>
internal sealed record WebhookFailure(string AlertId, string Event, int Attempts, DateTimeOffset At, int? StatusCode, string? Error);
