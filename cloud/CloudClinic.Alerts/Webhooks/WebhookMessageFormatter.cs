using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CloudClinic.Contracts;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Webhooks;

/// <summary>
/// Builds the robot message body. WeCom group robot: <c>{"msgtype":"markdown","markdown":{"content":…}}</c>;
/// DingTalk custom robot: <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>. The text names the patient
/// only by masked name and pseudonymous id (PIPL: the group chat is outside the registry) and never carries the
/// free-text note of an action, which may mention anything.
/// </summary>
internal static class WebhookMessageFormatter
{
    // CJK stays readable in the body; HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Format(string format, AlertEventMessage alert, WebhookAlertContext context)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(context);
        var title = Title(alert);
        var text = Markdown(alert, context, title);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("msgtype", "markdown");
            json.WriteStartObject("markdown");
            switch (format)
            {
                case WebhookFormats.WeCom:
                    json.WriteString("content", text);
                    break;
                case WebhookFormats.DingTalk:
                    json.WriteString("title", title);
                    json.WriteString("text", text);
                    break;
                default:
                    throw new ArgumentException($"webhook format '{format}' is not {WebhookFormats.WeCom} or {WebhookFormats.DingTalk}", nameof(format));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>e.g. 【紧急】血压危急值 · 新告警</summary>
    public static string Title(AlertEventMessage alert) =>
        $"【{WebhookTexts.Severity(alert.Severity)}】{WebhookTexts.Rule(alert.Rule)} · {WebhookTexts.Event(alert.Event)}";

    private static string Markdown(AlertEventMessage alert, WebhookAlertContext context, string title)
    {
        var local = TimeZoneInfo.ConvertTime(alert.At, context.TimeZone);
        var text = new StringBuilder();
        text.Append("### ").Append(title).Append('\n');
        text.Append("> 诊所：").Append(context.ClinicName).Append('\n');
        if (alert.PatientId is not null)
        {
            text.Append("> 患者：").Append(context.MaskedName ?? "未登记").Append("（").Append(alert.PatientId).Append("）\n");
        }
        else if (alert.Station is not null)
        {
            text.Append("> 患者：未分配（测量点 ").Append(alert.Station).Append("）\n");
        }

        if (alert.GatewayId is not null)
        {
            text.Append("> 网关：").Append(alert.GatewayId).Append('\n');
        }

        if (alert.Values.Count > 0)
        {
            text.Append("> 数值：").AppendJoin("，", alert.Values.Select(v => Value(v.Key, v.Value))).Append('\n');
        }

        if (alert.Flags.Count > 0)
        {
            text.Append("> 测量提示：").AppendJoin("，", alert.Flags.Select(WebhookTexts.Flag)).Append('\n');
        }

        if (alert.EscalationLevel is > 0)
        {
            text.Append("> 升级：第 ").Append(alert.EscalationLevel.Value.ToString(CultureInfo.InvariantCulture)).Append(" 级\n");
        }

        if (alert.By is not null)
        {
            text.Append("> 处理人：").Append(alert.By).Append('\n');
        }

        text.Append("> 时间：").Append(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append("（").Append(context.TimeZone.Id).Append("）\n");
        text.Append("> 规则：").Append(alert.Rule).Append(" · 告警 ").Append(alert.AlertId);
        return text.ToString();
    }

    private static string Value(string field, double value)
    {
        var (label, unit) = WebhookTexts.Value(field);
        var number = value.ToString("0.##", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? $"{label} {number}" : $"{label} {number} {unit}";
    }
}
