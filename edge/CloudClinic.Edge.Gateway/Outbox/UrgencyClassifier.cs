using CloudClinic.Contracts;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// Which readings jump the outbox queue: those that look urgent by the default rules of DESIGN.md §6 (国家基本公共卫生
/// 服务规范 第三版 urgent referral: SBP ≥ 180 or DBP ≥ 110; glucose ≥ 16.7 or ≤ 3.9 mmol/L or meter HI/LO). Only an
/// ordering hint: the cloud applies each patient's own care plan.
/// </summary>
internal static class UrgencyClassifier
{
    public const double UrgentSystolicMmHg = 180;
    public const double UrgentDiastolicMmHg = 110;
    public const double UrgentHighGlucoseMmolL = 16.7;
    public const double UrgentLowGlucoseMmolL = 3.9;

    public static bool LooksUrgent(ReadingMessage reading)
    {
        // A control-solution test is not patient data (DESIGN.md §3 flags).
        if (reading.Flags.Contains(ReadingFlags.ControlSolution))
        {
            return false;
        }

        return reading.Kind switch
        {
            ReadingKinds.BloodPressure => reading.Systolic >= UrgentSystolicMmHg || reading.Diastolic >= UrgentDiastolicMmHg,
            ReadingKinds.Glucose => reading.OutOfRange is not null
                || reading.MmolL >= UrgentHighGlucoseMmolL
                || reading.MmolL <= UrgentLowGlucoseMmolL,
            _ => false,
        };
    }
}
