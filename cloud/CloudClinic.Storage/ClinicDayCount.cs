namespace CloudClinic.Storage;

/// <summary>Readings of one clinic on one local day (assigned or not), by kind. Days without readings are absent.</summary>
public sealed record ClinicDayCount(DateOnly Day, int BloodPressureCount, int GlucoseCount);
