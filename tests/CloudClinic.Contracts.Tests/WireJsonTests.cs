using System.Text.Json;

namespace CloudClinic.Contracts.Tests;

/// <summary>
/// Golden files pin the exact JSON of wire contract v1: outside gateway vendors implement against it, so a
/// renamed property or a changed date format must fail here first.
/// </summary>
public sealed class WireJsonTests
{
    private static readonly JsonSerializerOptions Indented = new(ContractJsonContext.Default.Options) { WriteIndented = true };

    public static TheoryData<string, Type> GoldenFiles => new()
    {
        { "reading-bp.json", typeof(ReadingMessage) },
        { "reading-glucose-unassigned.json", typeof(ReadingMessage) },
        { "status-online.json", typeof(GatewayStatusMessage) },
        { "alert-raised.json", typeof(AlertEventMessage) },
        { "alert-escalated.json", typeof(AlertEventMessage) },
        { "command-check-in.json", typeof(GatewayCommandMessage) },
        { "roster.json", typeof(RosterMessage) },
    };

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Serialize_AfterDeserializingGoldenFile_ReproducesItExactly(string file, Type type)
    {
        var golden = GoldenFile.Read(file);

        var value = JsonSerializer.Deserialize(golden, type, ContractJsonContext.Default);
        var written = JsonSerializer.Serialize(value, type, Indented).ReplaceLineEndings("\n");

        Assert.Equal(golden, written);
    }

    [Fact]
    public void Serialize_BloodPressureReading_UsesCamelCaseAndOmitsNulls()
    {
        var reading = Samples.BloodPressure();

        var json = JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);

        Assert.Contains("\"schema\":\"cloudclinic.reading/1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"measuredAt\":\"2026-11-28T09:15:00+08:00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"patientId\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"mmolL\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_EscalatedAlertGoldenFile_CarriesTheAdditiveV1Fields()
    {
        var alert = JsonSerializer.Deserialize(GoldenFile.Read("alert-escalated.json"), ContractJsonContext.Default.AlertEventMessage)!;

        Assert.Equal((AlertEvents.Escalated, 1, "grid-3", "doc-wang"), (alert.Event, alert.EscalationLevel, alert.GridId, alert.ResponsibleDoctorId));
        Assert.Equal([AlertAudiences.Doctors, AlertAudiences.ResponsibleDoctor, AlertAudiences.GridWorker, AlertAudiences.ClinicAdmin], alert.Audience);
        Assert.Null(alert.SnoozedUntil);
    }

    [Fact]
    public void Deserialize_ReadingMissingRequiredField_Throws()
    {
        const string json = """{"schema":"cloudclinic.reading/1","clinicId":"c","gatewayId":"g","kind":"glucose"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.ReadingMessage));
    }
}
