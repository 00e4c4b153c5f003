namespace CloudClinic.Registry.Model;

/// <summary>Robot message dialects; both take <c>{"msgtype":"markdown","markdown":{…}}</c>.</summary>
public static class WebhookFormats
{
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
}
