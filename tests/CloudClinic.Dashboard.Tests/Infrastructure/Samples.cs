using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>Wire records as a gateway and the alert engine would publish them.</summary>
public static class Samples
{
    /// <summary>A fixed instant (China Standard Time): tests never read the clock.</summary>
    public static readonly DateTimeOffset Morning = new(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(8));

    public static ReadingMessage BloodPressure(string clinicId, string gatewayId, string readingId, double systolic, double diastolic, DateTimeOffset measuredAt, string? patientId = null) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = gatewayId,
        PatientId = patientId,
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = measuredAt,
        ReceivedAt = measuredAt.AddSeconds(2),
        Device = new DeviceInfo { Model = "UA-651BLE", Serial = "5140301", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        Pulse = 88,
        OriginalUnit = PressureUnits.MmHg,
        Flags = [ReadingFlags.IrregularPulse],
    };

    public static ReadingMessage Glucose(string clinicId, string gatewayId, string readingId, double mmolL, DateTimeOffset measuredAt) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = readingId,
        ClinicId = clinicId,
        GatewayId = gatewayId,
        Station = "glu-1",
        Kind = ReadingKinds.Glucose,
        MeasuredAt = measuredAt,
        ReceivedAt = measuredAt.AddSeconds(1),
        Device = new DeviceInfo { Model = "OneTouch Ultra 2", Serial = "GLU-77", Transport = Transports.Serial, Protocol = "onetouch-ultra2" },
        MmolL = mmolL,
        Meal = MealContexts.Postprandial,
    };

    public static AlertEventMessage UrgentBloodPressureAlert(string clinicId, string alertId, string readingId) => new()
    {
        Schema = AlertEventMessage.SchemaV1,
        Event = AlertEvents.Raised,
        AlertId = alertId,
        Rule = "bp-urgent",
        Severity = AlertSeverities.Urgent,
        State = AlertStates.Open,
        ClinicId = clinicId,
        GatewayId = "gw-1",
        Station = "bp-1",
        ReadingIds = [readingId],
        Values = new Dictionary<string, double> { ["systolic"] = 182, ["diastolic"] = 112 },
        At = Morning,
    };

    public static GatewayStatusMessage Online(long backlog) => new()
    {
        State = GatewayStates.Online,
        Version = "1.0.0",
        Backlog = backlog,
        At = Morning,
        Devices = [new GatewayDeviceStatus { Station = "bp-1", Protocol = "cclp1", Transport = Transports.Serial, Connected = true }],
    };

    public static byte[] Json(AlertEventMessage alert) => JsonSerializer.SerializeToUtf8Bytes(alert, ContractJsonContext.Default.AlertEventMessage);

    public static byte[] Json(GatewayStatusMessage status) => JsonSerializer.SerializeToUtf8Bytes(status, ContractJsonContext.Default.GatewayStatusMessage);

    /// <summary>Records hold lists, so compare what goes over the wire.</summary>
    public static string Wire(ReadingMessage reading) => JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);

    public static string Wire(AlertEventMessage alert) => JsonSerializer.Serialize(alert, ContractJsonContext.Default.AlertEventMessage);

    public static string Wire(GatewayStatusMessage status) => JsonSerializer.Serialize(status, ContractJsonContext.Default.GatewayStatusMessage);
}
