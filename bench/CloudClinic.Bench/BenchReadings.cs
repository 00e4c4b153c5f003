using CloudClinic.Contracts;

namespace CloudClinic.Bench;

/// <summary>
/// Blood-pressure readings as a gateway sends them: 1,000 patients, one millisecond apart an hour ago, so every reading
/// is its own InfluxDB point and the count in the database is the count of readings stored.
/// </summary>
internal static class BenchReadings
{
    public const string Clinic = "bench-clinic";
    public const string Gateway = "bench-gw";

    public static List<ReadingMessage> Make(string prefix, int count, DateTimeOffset now)
    {
        var start = now.AddHours(-1);
        var readings = new List<ReadingMessage>(count);
        for (var i = 0; i < count; i++)
        {
            readings.Add(new ReadingMessage
            {
                Schema = ReadingMessage.SchemaV1,
                ReadingId = $"{prefix}-{i:D7}",
                ClinicId = Clinic,
                GatewayId = Gateway,
                PatientId = $"p-{i % 1000:D4}",
                Station = "bp-1",
                Kind = ReadingKinds.BloodPressure,
                MeasuredAt = start.AddMilliseconds(i),
                ReceivedAt = start.AddMilliseconds(i + 500),
                Device = new DeviceInfo { Model = "Omron HEM-7136", Serial = "SN1", Transport = Transports.Serial, Protocol = "cclp1" },
                Systolic = 100 + (i % 60),
                Diastolic = 60 + (i % 30),
                Pulse = 60 + (i % 40),
                OriginalUnit = PressureUnits.MmHg,
            });
        }

        return readings;
    }

    /// <summary>Wire payloads of <paramref name="perMessage"/> readings each (1 = one object, more = a JSON array).</summary>
    public static List<byte[]> Payloads(List<ReadingMessage> readings, int perMessage) =>
        perMessage == 1
            ? readings.ConvertAll(ReadingPayload.Serialize)
            : [.. readings.Chunk(perMessage).Select(chunk => ReadingPayload.Serialize(chunk))];
}
