using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Tests;

/// <summary>Readings as the ingest hands them to the engine (already validated and stored).</summary>
internal static class TestReadings
{
    /// <summary>1 kPa = 7.50062 mmHg (DESIGN.md §3): what a gateway puts on the wire for a kPa meter.</summary>
    public const double MmHgPerKPa = 7.50062;

    public static ReadingMessage Bp(string id, double systolic, double diastolic, DateTimeOffset measuredAt, string? patientId = "p-1") => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = id,
        ClinicId = "clinic-a",
        GatewayId = "gw-1",
        PatientId = patientId,
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = measuredAt,
        ReceivedAt = measuredAt,
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        OriginalUnit = PressureUnits.MmHg,
    };

    public static ReadingMessage Glucose(string id, double? mmolL, string meal, DateTimeOffset measuredAt, string? patientId = "p-1") => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = id,
        ClinicId = "clinic-a",
        GatewayId = "gw-1",
        PatientId = patientId,
        Station = "glu-1",
        Kind = ReadingKinds.Glucose,
        MeasuredAt = measuredAt,
        ReceivedAt = measuredAt,
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Ble, Protocol = "gls" },
        MmolL = mmolL,
        Meal = meal,
    };
}
