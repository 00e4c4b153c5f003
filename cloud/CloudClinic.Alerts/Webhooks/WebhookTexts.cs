using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Webhooks;

/// <summary>zh-CN labels of rules, severities, events, measured values and meter flags for the robot messages.</summary>
internal static class WebhookTexts
{
    public static string Rule(string rule) => rule switch
    {
        RuleIds.BpUrgent => "血压危急值",
        RuleIds.BpAboveTarget => "血压未达标",
        RuleIds.BpUncontrolledTwice => "连续两次血压未控制（建议转诊）",
        RuleIds.BpLow => "低血压",
        RuleIds.GlucoseUrgentHigh => "血糖危急值（高）",
        RuleIds.GlucoseUrgentLow => "血糖危急值（低）",
        RuleIds.GlucoseHypoLevel2 => "2级低血糖",
        RuleIds.GlucoseFastingAboveTarget => "空腹血糖未达标",
        RuleIds.GlucoseNonFastingAboveTarget => "非空腹血糖未达标",
        RuleIds.NotMeasured => "长期未测量",
        RuleIds.GatewayOffline => "网关离线",
        _ => rule,
    };

    public static string Severity(string severity) => severity switch
    {
        AlertSeverities.Critical => "危急",
        AlertSeverities.Urgent => "紧急",
        AlertSeverities.Warning => "预警",
        AlertSeverities.Task => "任务",
        AlertSeverities.Ops => "运维",
        _ => severity,
    };

    public static string Event(string @event) => @event switch
    {
        AlertEvents.Raised => "新告警",
        AlertEvents.Updated => "已更新",
        AlertEvents.Acknowledged => "已确认",
        AlertEvents.Resolved => "已解除",
        AlertEvents.Escalated => "已升级",
        AlertEvents.Snoozed => "已暂缓",
        _ => @event,
    };

    /// <summary>Label and unit of an alert value (the wire field names of <see cref="AlertEventMessage.Values"/>).</summary>
    public static (string Label, string Unit) Value(string field) => field switch
    {
        "systolic" => ("收缩压", "mmHg"),
        "diastolic" => ("舒张压", "mmHg"),
        "pulse" => ("脉搏", "次/分"),
        "mmolL" => ("血糖", "mmol/L"),
        _ => (field, ""),
    };

    public static string Flag(string flag) => flag switch
    {
        ReadingFlags.IrregularPulse => "脉律不齐",
        ReadingFlags.BodyMovement => "测量时体动",
        ReadingFlags.CuffLoose => "袖带过松",
        ReadingFlags.ImproperPosition => "测量姿势不当",
        ReadingFlags.ControlSolution => "质控液",
        _ => flag,
    };
}
