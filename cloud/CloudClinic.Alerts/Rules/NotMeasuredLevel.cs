namespace CloudClinic.Alerts.Rules;

public enum NotMeasuredLevel
{
    None,

    /// <summary>Silent long enough, but the clinic's gateway is offline: say nothing, escalate nothing.</summary>
    Suppressed,

    GridWorker,

    Doctor,
}
