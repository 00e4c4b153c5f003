using CloudClinic.Contracts;

namespace CloudClinic.EndToEnd.Tests;

internal static class TestReadings
{
    public const string Clinic = "zhangjiacun";
    public const string Gateway = "gw-1";

    public static ReadingMessage BloodPressure(string readingId, double systolic, double diastolic, string clinicId = Clinic) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = Gateway,
        PatientId = "p-e2e-1",
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-1),
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        Device = new DeviceInfo { Model = "e2e", Serial = "E2E-1", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        Pulse = 70,
        OriginalUnit = PressureUnits.MmHg,
    };
}
