namespace CloudClinic.Dashboard.Clinical;

/// <summary>How the live wall colours a reading (JSON and hub values; the page's CSS classes use the same words).</summary>
internal static class ReadingSeverity
{
    /// <summary>Level 2 hypoglycaemia (&lt; 3.0 mmol/L).</summary>
    public const string Critical = "critical";

    /// <summary>At the 规范's urgent-referral level.</summary>
    public const string Urgent = "urgent";

    /// <summary>At or above the patient's target.</summary>
    public const string AboveTarget = "above-target";

    /// <summary>Below the low limit (BP low; fasting glucose under the target band but above the urgent level).</summary>
    public const string Low = "low";

    public const string Normal = "normal";

    /// <summary>The reading's values cannot be judged (e.g. a glucose reading without a value).</summary>
    public const string Unknown = "unknown";
}
