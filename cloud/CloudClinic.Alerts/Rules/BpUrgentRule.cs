using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Urgent blood pressure: SBP ≥ 180 or DBP ≥ 110 mmHg. 国家基本公共卫生服务规范（第三版）, 高血压患者健康管理服务规范:
/// 收缩压≥180mmHg和/或舒张压≥110mmHg 须紧急转诊 (urgent referral). Fires for unassigned readings and for patients the
/// registry does not know too (DESIGN.md §6): someone at that clinic just measured it, and the doctors must know now.
/// </summary>
public sealed class BpUrgentRule(TimeProvider timeProvider) : IAlertRule
{
    public const string RuleId = "bp-urgent";

    public const int SystolicUrgentMmHg = 180;

    public const int DiastolicUrgentMmHg = 110;

    public string Id => RuleId;

    public AlertEventMessage? Evaluate(ReadingMessage reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Kind != ReadingKinds.BloodPressure)
        {
            return null;
        }

        // The wire is always mmHg; a kPa meter's value arrives converted (1 kPa = 7.50062 mmHg) with a fraction,
        // e.g. 24.0 kPa → 180.01. The 规范 and the meters speak whole mmHg, so compare the value rounded to whole
        // mmHg: a conversion artefact such as 179.97 counts as 180, and 179.26 (23.9 kPa) as 179.
        var systolic = WholeMmHg(reading.Systolic);
        var diastolic = WholeMmHg(reading.Diastolic);
        if (!(systolic >= SystolicUrgentMmHg || diastolic >= DiastolicUrgentMmHg))
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        AddValue(values, "systolic", reading.Systolic);
        AddValue(values, "diastolic", reading.Diastolic);
        AddValue(values, "pulse", reading.Pulse);
        return new AlertEventMessage
        {
            Schema = AlertEventMessage.SchemaV1,
            Event = AlertEvents.Raised,
            AlertId = AlertIds.For(RuleId, reading.ReadingId),
            Rule = RuleId,
            Severity = AlertSeverities.Urgent,
            State = AlertStates.Open,
            ClinicId = reading.ClinicId,
            PatientId = reading.PatientId,
            GatewayId = reading.GatewayId,
            Station = reading.Station,
            ReadingIds = [reading.ReadingId],
            Values = values,
            Flags = reading.Flags,
            At = timeProvider.GetUtcNow(),
        };
    }

    private static double? WholeMmHg(double? value) =>
        value is { } mmHg ? Math.Round(mmHg, MidpointRounding.AwayFromZero) : null;

    private static void AddValue(Dictionary<string, double> values, string name, double? value)
    {
        if (value is { } number)
        {
            values[name] = number;
        }
    }
}
