using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Outbox;

namespace CloudClinic.Edge.Gateway.Tests;

public sealed class OutboxPayloadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(500)]
    public void For_StoredPayloads_IsExactlyWhatReadingPayloadSerializes(int count)
    {
        var readings = Enumerable.Range(0, count).Select(i => BloodPressure($"r-{i}", 120 + (i % 50))).ToList();
        var batch = readings.ConvertAll(r => new OutboxEntry(r.ReadingId, false, JsonSerializer.SerializeToUtf8Bytes(r, ContractJsonContext.Default.ReadingMessage)));

        var payload = OutboxPayload.For(batch);

        Assert.Equal(ReadingPayload.Serialize(readings), payload);
        Assert.True(ReadingPayload.TryParse(payload, out var parsed, out _));
        Assert.Equal(readings.Select(r => r.ReadingId), parsed.Select(r => r.ReadingId));
    }

    private static ReadingMessage BloodPressure(string id, double systolic) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = id,
        ClinicId = "c",
        GatewayId = "g",
        PatientId = "p-张",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)),
        ReceivedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 1, TimeSpan.FromHours(8)),
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = 80,
        OriginalUnit = PressureUnits.MmHg,
        Flags = ["irregularPulse"],
    };
}
