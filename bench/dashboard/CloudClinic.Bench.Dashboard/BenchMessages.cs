using System.Text;
using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Bench.Dashboard;

/// <summary>What the relay pushes: urgent alerts (the case) and readings, as the alert engine and a gateway publish them.</summary>
internal static class BenchMessages
{
    public const string Clinic = "bench-clinic";
    public const string Gateway = "bench-gw";

    public static (string Id, string Topic, string Payload) Alert(int n, DateTimeOffset at)
    {
        var id = $"bench-alert-{n}";
        var alert = new AlertEventMessage
        {
            Schema = AlertEventMessage.SchemaV1,
            Event = AlertEvents.Raised,
            AlertId = id,
            Rule = "bp-urgent",
            Severity = AlertSeverities.Urgent,
            State = AlertStates.Open,
            ClinicId = Clinic,
            PatientId = $"p-{n % 50}",
            GatewayId = Gateway,
            Station = "bp-1",
            ReadingIds = [$"rd-{n}"],
            Values = new Dictionary<string, double> { ["systolic"] = 182, ["diastolic"] = 112 },
            At = at,
        };
        return (id, Topics.Alerts(Clinic), JsonSerializer.Serialize(alert, ContractJsonContext.Default.AlertEventMessage));
    }

    public static (string Id, string Topic, string Payload) Reading(int n, DateTimeOffset at)
    {
        var id = $"bench-reading-{n}";
        var reading = new ReadingMessage
        {
            Schema = ReadingMessage.SchemaV1,
            ReadingId = id,
            ClinicId = Clinic,
            GatewayId = Gateway,
            PatientId = $"p-{n % 50}",
            Station = "bp-1",
            Kind = ReadingKinds.BloodPressure,
            MeasuredAt = at,
            ReceivedAt = at,
            Device = new DeviceInfo { Model = "UA-651BLE", Serial = "5140301", Transport = Transports.Serial, Protocol = "cclp1" },
            Systolic = 120 + (n % 70),
            Diastolic = 75 + (n % 40),
            Pulse = 72,
            OriginalUnit = PressureUnits.MmHg,
        };
        return (id, Topics.Readings(Clinic, Gateway), Encoding.UTF8.GetString(ReadingPayload.Serialize(reading)));
    }
}
