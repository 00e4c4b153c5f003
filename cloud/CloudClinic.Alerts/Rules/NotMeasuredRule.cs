using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// "Not measured for N days", evaluated on a schedule, never on a reading (the stale-data alarm must not depend on
/// data arriving, LoopFollow#449). Silence counts from the newest <c>measuredAt</c> (or registration) and a day is
/// 24 h of elapsed time: silent ≥ 7 × 24 h → grid-worker task, ≥ 14 × 24 h → the doctor (规范 quarterly follow-up anchor).
/// </summary>
public static class NotMeasuredRule
{
    public static NotMeasuredLevel Evaluate(DateTimeOffset silentSince, DateTimeOffset now, CarePlanTargets plan, bool gatewaySuppressed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var silent = now - silentSince;
        var level = silent >= TimeSpan.FromDays(plan.NotMeasuredDoctorDays) ? NotMeasuredLevel.Doctor
            : silent >= TimeSpan.FromDays(plan.NotMeasuredTaskDays) ? NotMeasuredLevel.GridWorker
            : NotMeasuredLevel.None;
        // A clinic whose gateway is down cannot deliver readings: the patient may well have measured (ThingsBoard#14013).
        return level != NotMeasuredLevel.None && gatewaySuppressed ? NotMeasuredLevel.Suppressed : level;
    }
}
