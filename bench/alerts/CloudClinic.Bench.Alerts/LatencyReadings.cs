using CloudClinic.Contracts;

namespace CloudClinic.Bench.Alerts;

/// <summary>Readings of the benchmark: urgent ones unassigned (each raises its own bp-urgent alert), normal ones in target.</summary>
internal static class LatencyReadings
{
    public const string Clinic = "bench-clinic";
    public const string Gateway = "bench-gw";

    public static ReadingMessage Urgent(string id, DateTimeOffset at) => Bp(id, null, 186, 114, at);

    public static ReadingMessage Normal(string id, int patient, DateTimeOffset at) => Bp(id, $"p-{patient % 1000:D4}", 118 + (patient % 15), 72 + (patient % 10), at);

    private static ReadingMessage Bp(string id, string? patientId, double systolic, double diastolic, DateTimeOffset at) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = id,
        ClinicId = Clinic,
        GatewayId = Gateway,
        PatientId = patientId,
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = at,
        ReceivedAt = at,
        Device = new DeviceInfo { Model = "Omron HEM-7136", Serial = "SN1", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        Pulse = 70,
        OriginalUnit = PressureUnits.MmHg,
    };
}
