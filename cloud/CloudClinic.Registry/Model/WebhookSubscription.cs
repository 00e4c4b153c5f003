namespace CloudClinic.Registry.Model;

/// <summary>An outgoing robot webhook (WeCom / DingTalk group robot) for a clinic, or for one grid of it.</summary>
public sealed class WebhookSubscription
{
    public long Id { get; set; }

    public string ClinicId { get; set; } = "";

    /// <summary>Null: every alert of the clinic; set: only alerts of patients in that grid.</summary>
    public string? GridId { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary><see cref="WebhookFormats"/>.</summary>
    public string Format { get; set; } = WebhookFormats.WeCom;

    public bool Enabled { get; set; } = true;
}
