namespace CloudClinic.Storage;

/// <summary>One local day of a patient's blood pressure readings (those with a systolic value), in mmHg.</summary>
public sealed record DailyBloodPressure(
    DateOnly Day,
    int Count,
    double MeanSystolicMmHg,
    double MinSystolicMmHg,
    double MaxSystolicMmHg,
    double MeanDiastolicMmHg,
    double MinDiastolicMmHg,
    double MaxDiastolicMmHg);
