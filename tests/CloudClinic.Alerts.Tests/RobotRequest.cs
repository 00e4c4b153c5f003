namespace CloudClinic.Alerts.Tests;

/// <summary>What <see cref="RobotWebhookReceiver"/> received; <see cref="At"/> is the wall clock, for gaps between retries.</summary>
internal sealed record RobotRequest(DateTimeOffset At, string Method, string? ContentType, string Body);
