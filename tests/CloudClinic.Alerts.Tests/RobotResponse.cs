namespace CloudClinic.Alerts.Tests;

/// <summary>One scripted answer of <see cref="RobotWebhookReceiver"/>.</summary>
internal sealed record RobotResponse(int StatusCode, string Body = """{"errcode":0,"errmsg":"ok"}""", int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static RobotResponse Ok { get; } = new(200);
}
