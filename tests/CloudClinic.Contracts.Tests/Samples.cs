namespace CloudClinic.Contracts.Tests;

internal static class Samples
{
    public static ReadingMessage BloodPressure(string readingId = "r-1", string clinicId = "c-1") => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = "gw-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = new DateTimeOffset(2026, 11, 28, 9, 15, 0, TimeSpan.FromHours(8)),
        ReceivedAt = new DateTimeOffset(2026, 11, 28, 9, 15, 2, TimeSpan.FromHours(8)),
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = 120,
        Diastolic = 80,
        OriginalUnit = PressureUnits.MmHg,
    };
}
