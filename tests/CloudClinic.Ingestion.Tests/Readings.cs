using CloudClinic.Contracts;

namespace CloudClinic.Ingestion.Tests;

/// <summary>Readings as a gateway of clinic-a sends them, measured a minute ago by the real clock.</summary>
internal static class Readings
{
    public static ReadingMessage BloodPressure(string readingId, double systolic = 128, double diastolic = 82, string? patientId = "p-001") => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = "clinic-a",
        GatewayId = "gw-1",
        PatientId = patientId,
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-1),
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        Device = new DeviceInfo { Model = "Omron HEM-7136", Serial = "SN1", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        Pulse = 72,
        OriginalUnit = PressureUnits.MmHg,
    };

    public static ReadingMessage Glucose(string readingId, double mmolL = 6.1) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = "clinic-a",
        GatewayId = "gw-1",
        PatientId = "p-002",
        Kind = ReadingKinds.Glucose,
        MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-2),
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        Device = new DeviceInfo { Model = "OneTouch Ultra 2", Serial = "G1", Transport = Transports.Serial, Protocol = "onetouch-ultra2" },
        MmolL = mmolL,
        Meal = MealContexts.Fasting,
    };
}
