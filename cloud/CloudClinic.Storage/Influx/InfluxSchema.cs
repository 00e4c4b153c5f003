namespace CloudClinic.Storage.Influx;

/// <summary>Measurement, tag and field names in InfluxDB (DESIGN.md §4; fields follow the wire names of §3 in snake_case).</summary>
internal static class InfluxSchema
{
    public const string BloodPressure = "blood_pressure";
    public const string Glucose = "glucose";

    /// <summary>Tag value of <see cref="PatientTag"/> for a reading no patient was checked in for.</summary>
    public const string Unassigned = "unassigned";

    public const string ClinicTag = "clinic";
    public const string GatewayTag = "gateway";
    public const string PatientTag = "patient";
    public const string DeviceModelTag = "device_model";
    public const string StationTag = "station";
    public const string MealTag = "meal";

    /// <summary>Every tag a reading point may carry: together with the time they name exactly one point.</summary>
    public static readonly IReadOnlyList<string> Tags = [ClinicTag, GatewayTag, PatientTag, DeviceModelTag, StationTag, MealTag];

    public const string ReadingId = "reading_id";
    public const string MeasuredAt = "measured_at";
    public const string ReceivedAt = "received_at";
    public const string ClockSource = "clock_source";
    public const string DeviceSerial = "device_serial";
    public const string DeviceTransport = "device_transport";
    public const string DeviceProtocol = "device_protocol";
    public const string Flags = "flags";
    public const string Systolic = "systolic";
    public const string Diastolic = "diastolic";
    public const string MeanArterial = "mean_arterial";
    public const string Pulse = "pulse";
    public const string OriginalUnit = "original_unit";
    public const string MmolL = "mmol_l";
    public const string MgdL = "mgdl";
    public const string Sample = "sample";
    public const string OutOfRange = "out_of_range";

    /// <summary>
    /// Tag value for a patient id. The literal id "unassigned" gets its first letter percent-encoded so it can
    /// never be mistaken for an unassigned reading; <see cref="InfluxTagValue.Decode"/> restores it.
    /// </summary>
    public static string PatientTagValue(string? patientId) =>
        patientId is null ? Unassigned
        : patientId == Unassigned ? "%75" + Unassigned[1..]
        : InfluxTagValue.Encode(patientId);
}
