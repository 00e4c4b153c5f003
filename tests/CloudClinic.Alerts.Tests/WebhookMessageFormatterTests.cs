using System.Text.Json;
using CloudClinic.Alerts.Rules;
using CloudClinic.Alerts.Webhooks;
using CloudClinic.Contracts;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Tests;

public sealed class WebhookMessageFormatterTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static AlertEventMessage Alert(string? patientId = "p-9") => new()
    {
        Schema = AlertEventMessage.SchemaV1,
        Event = AlertEvents.Escalated,
        AlertId = "glucose-hypo-level2:r-7",
        Rule = RuleIds.GlucoseHypoLevel2,
        Severity = AlertSeverities.Critical,
        State = AlertStates.Open,
        ClinicId = "clinic-a",
        PatientId = patientId,
        Station = "glu-2",
        Values = new Dictionary<string, double> { ["mmolL"] = 2.8 },
        Flags = [ReadingFlags.ControlSolution],
        EscalationLevel = 1,
        By = "doc-1",
        Note = "家属电话 13800138000",
        At = new DateTimeOffset(2026, 1, 31, 16, 5, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Format_DingTalk_HasTitleAndTextWithLocalTime()
    {
        var body = JsonDocument.Parse(WebhookMessageFormatter.Format(WebhookFormats.DingTalk, Alert(), new("李*", "城东", Shanghai))).RootElement;

        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var markdown = body.GetProperty("markdown");
        Assert.Equal("【危急】2级低血糖 · 已升级", markdown.GetProperty("title").GetString());
        var text = markdown.GetProperty("text").GetString()!;
        Assert.Contains("李*（p-9）", text, StringComparison.Ordinal);
        Assert.Contains("血糖 2.8 mmol/L", text, StringComparison.Ordinal);
        Assert.Contains("质控液", text, StringComparison.Ordinal);
        Assert.Contains("第 1 级", text, StringComparison.Ordinal);
        Assert.Contains("2026-02-01 00:05（Asia/Shanghai）", text, StringComparison.Ordinal); // next local day
        Assert.False(markdown.TryGetProperty("content", out _));
    }

    [Fact]
    public void Format_WeComWithNote_NeverCarriesTheFreeTextNote()
    {
        var bytes = WebhookMessageFormatter.Format(WebhookFormats.WeCom, Alert(), new("李*", "城东", Shanghai));

        var content = JsonDocument.Parse(bytes).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.DoesNotContain("13800138000", content, StringComparison.Ordinal);
        Assert.Contains("处理人：doc-1", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_UnassignedReading_NamesTheStation()
    {
        var bytes = WebhookMessageFormatter.Format(WebhookFormats.WeCom, Alert(patientId: null), new(null, "城东", Shanghai));

        var content = JsonDocument.Parse(bytes).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("患者：未分配（测量点 glu-2）", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_UnknownFormat_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => WebhookMessageFormatter.Format("slack", Alert(), new(null, "城东", Shanghai)));

        Assert.Contains("slack", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlertEvents.Raised, null, true)]
    [InlineData(AlertEvents.Escalated, null, true)]
    [InlineData(AlertEvents.Resolved, null, true)]
    [InlineData(AlertEvents.Updated, null, false)]
    [InlineData(AlertEvents.Acknowledged, null, false)]
    [InlineData(AlertEvents.Raised, 60, false)]
    [InlineData(AlertEvents.Raised, -60, true)]
    public void Rings_EventAndSnooze_OnlyNewsThatIsNotSnoozed(string @event, int? snoozedForMinutes, bool expected)
    {
        var alert = Alert() with { Event = @event };
        alert = alert with { SnoozedUntil = snoozedForMinutes is { } m ? alert.At.AddMinutes(m) : null };

        Assert.Equal(expected, WebhookDispatcher.Rings(alert));
    }
}
