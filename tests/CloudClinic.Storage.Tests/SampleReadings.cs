using CloudClinic.Contracts;

namespace CloudClinic.Storage.Tests;

/// <summary>Readings as a gateway sends them, with every optional field set so round-trips are checked fully.</summary>
internal static class SampleReadings
{
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 1, 8, 30, 0, 123, TimeSpan.FromHours(8));

    public static ReadingMessage BloodPressure(string readingId, string? patientId = "p-001", string clinicId = "clinic-a", DateTimeOffset? measuredAt = null) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = "gw-1",
        PatientId = patientId,
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = measuredAt ?? BaseTime,
        ClockSource = ClockSources.Meter,
        ReceivedAt = (measuredAt ?? BaseTime).AddSeconds(2),
        Device = new DeviceInfo { Model = "Omron HEM-7136", Serial = "SN 42,=\"x\"", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = 182,
        Diastolic = 112.5,
        MeanArterial = 135.67,
        Pulse = 77,
        OriginalUnit = PressureUnits.MmHg,
        Flags = [ReadingFlags.IrregularPulse, ReadingFlags.BodyMovement],
    };

    public static ReadingMessage Glucose(string readingId, string? patientId = "p-001", string clinicId = "clinic-a", DateTimeOffset? measuredAt = null) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = "gw-1",
        PatientId = patientId,
        Station = "glu-1",
        Kind = ReadingKinds.Glucose,
        MeasuredAt = measuredAt ?? BaseTime,
        ReceivedAt = (measuredAt ?? BaseTime).AddSeconds(5),
        Device = new DeviceInfo { Model = "OneTouch Ultra 2", Serial = "GLU-9", Transport = Transports.Ble, Protocol = "gatt-2a18" },
        MmolL = 7.8,
        MgdL = 140.5,
        Meal = MealContexts.Postprandial,
        Sample = "capillary",
    };

    /// <summary>Records compare lists by reference; compare the wire JSON instead.</summary>
    public static string Json(ReadingMessage reading) =>
        System.Text.Encoding.UTF8.GetString(ReadingPayload.Serialize(reading));
}
