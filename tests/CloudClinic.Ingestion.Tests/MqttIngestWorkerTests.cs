using System.Text;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Ingestion.Tests;

/// <summary>The ingest end to end over an in-process MQTTnet broker, with the SQLite stores.</summary>
public sealed class MqttIngestWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private static readonly DateTimeOffset Today = TimeProvider.System.GetUtcNow();
    private TestBroker _broker = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync(IngestHost.ClientId);
        _ingest = await IngestHost.StartAsync(_broker.Url);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task ValidReading_IsStoredThenAcknowledged()
    {
        var reading = Readings.BloodPressure("r-1");

        await _ingest.PublishAsync(reading);
        await _broker.WaitForAcksAsync(1, Timeout);

        var stored = Assert.Single(await _ingest.Readings.LatestAsync("clinic-a", 10, CancellationToken.None));
        Assert.Equal(ReadingPayload.Serialize(reading), ReadingPayload.Serialize(stored));
        Assert.Equal((1, 1, 0), (_ingest.Counters[IngestMetrics.Received], _ingest.Counters[IngestMetrics.Stored], _ingest.Counters[IngestMetrics.DeadLettered]));
    }

    [Fact]
    public async Task UrgentReading_PublishesDeterministicAlert()
    {
        await using var dashboard = await AlertListener.StartAsync(_broker.Port);
        var reading = Readings.BloodPressure("r-urgent", systolic: 182, diastolic: 112, patientId: null);

        await _ingest.PublishAsync(reading);
        var alert = await dashboard.NextAsync(Timeout);
        await _broker.WaitForAcksAsync(1, Timeout);

        Assert.Equal(AlertIds.For(BpUrgentRule.RuleId, "r-urgent"), alert.AlertId);
        Assert.Equal(("clinic-a", (string?)null, "bp-1", AlertSeverities.Urgent), (alert.ClinicId, alert.PatientId, alert.Station, alert.Severity));
        Assert.Equal(["r-urgent"], alert.ReadingIds);
    }

    [Fact]
    public async Task SameReadingDeliveredTwice_StoredOnceAndAlertedOnce()
    {
        await using var dashboard = await AlertListener.StartAsync(_broker.Port);
        var reading = Readings.BloodPressure("r-again", systolic: 150, diastolic: 115);

        await _ingest.PublishAsync(reading);
        await _ingest.PublishAsync(reading);
        await _ingest.PublishAsync(Readings.BloodPressure("r-marker", systolic: 190, diastolic: 90, patientId: null));
        var first = await dashboard.NextAsync(Timeout);
        var next = await dashboard.NextAsync(Timeout);
        await _broker.WaitForAcksAsync(3, Timeout);

        // The re-delivery changes nothing, so the next event is the marker's: no duplicate alert in between.
        Assert.Equal(AlertIds.For(BpUrgentRule.RuleId, "r-again"), first.AlertId);
        Assert.Equal(AlertIds.For(BpUrgentRule.RuleId, "r-marker"), next.AlertId);
        Assert.Equal(2, (await _ingest.Readings.LatestAsync("clinic-a", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task BadInputs_DeadLetteredAcknowledgedCounted_AndValidReadingAfterThemLands()
    {
        await _ingest.PublishAsync("cloudclinic/v1/clinic-a/gw-1/readings", Encoding.UTF8.GetBytes("{\"schema\": \"cloudclinic.reading/1\", oops"));
        await _ingest.PublishAsync(Readings.BloodPressure("r-schema") with { Schema = "cloudclinic.reading/9" });
        await _ingest.PublishAsync(Readings.BloodPressure("r-spoof") with { ClinicId = "clinic-b" }, topic: "cloudclinic/v1/clinic-a/gw-1/readings");
        await _ingest.PublishAsync(Readings.BloodPressure("r-impossible", systolic: 420, diastolic: 80));
        await _ingest.PublishAsync(Readings.Glucose("r-good"));

        await _broker.WaitForAcksAsync(5, Timeout);

        var deadLetters = await _ingest.DeadLetters.ListAsync(10, CancellationToken.None);
        Assert.Equal(4, await _ingest.DeadLetters.CountAsync(CancellationToken.None));
        Assert.Equal(
            ["malformed reading JSON", "schema 'cloudclinic.reading/9'", "clinicId 'clinic-b' does not match the topic's clinic 'clinic-a'", "systolic 420 mmHg is outside"],
            deadLetters.Reverse().Select(d => Match(d.Reason)));
        Assert.All(deadLetters, d => Assert.Equal("cloudclinic/v1/clinic-a/gw-1/readings", d.Topic));
        Assert.Contains("r-spoof", Encoding.UTF8.GetString(deadLetters[1].Payload.Span), StringComparison.Ordinal);
        Assert.Equal("r-good", Assert.Single(await _ingest.Readings.LatestAsync("clinic-a", 10, CancellationToken.None)).ReadingId);
        Assert.Equal((5, 1, 4), (_ingest.Counters[IngestMetrics.Received], _ingest.Counters[IngestMetrics.Stored], _ingest.Counters[IngestMetrics.DeadLettered]));
        Assert.Equal(4, _ingest.Log.Count("Dead-lettered a message"));

        string Match(string reason) =>
            new[] { "malformed reading JSON", "schema 'cloudclinic.reading/9'", "clinicId 'clinic-b' does not match the topic's clinic 'clinic-a'", "systolic 420 mmHg is outside" }
                .FirstOrDefault(r => reason.Contains(r, StringComparison.Ordinal)) ?? reason;
    }

    [Fact]
    public async Task SameBadMessageDeliveredTwice_OneDeadLetterReceivedTwice_BothCountedAndAcknowledged()
    {
        // What the broker does after the ingest died between the dead letter's commit and the ack.
        var bad = Encoding.UTF8.GetBytes("{\"schema\": \"cloudclinic.reading/1\", oops");
        await _ingest.PublishAsync("cloudclinic/v1/clinic-a/gw-1/readings", bad);
        await _broker.WaitForAcksAsync(1, Timeout);
        await _ingest.PublishAsync("cloudclinic/v1/clinic-a/gw-1/readings", bad);
        await _broker.WaitForAcksAsync(2, Timeout);

        var deadLetter = Assert.Single(await _ingest.DeadLetters.ListAsync(10, CancellationToken.None));
        Assert.Equal(2, deadLetter.TimesReceived);
        Assert.NotNull(deadLetter.LastReceivedAt);
        Assert.Equal(2, _ingest.Counters[IngestMetrics.DeadLettered]);
    }

    [Fact]
    public async Task BatchWithOneBadReading_StoresTheOthersAndDeadLettersThePayload()
    {
        ReadingMessage[] batch = [Readings.BloodPressure("b-1"), Readings.BloodPressure("b-2", diastolic: 250), Readings.Glucose("b-3")];

        await _ingest.PublishAsync("cloudclinic/v1/clinic-a/gw-1/readings", ReadingPayload.Serialize(batch));
        await _broker.WaitForAcksAsync(1, Timeout);

        var stored = await _ingest.Readings.LatestAsync("clinic-a", 10, CancellationToken.None);
        Assert.Equal(["b-1", "b-3"], stored.Select(r => r.ReadingId).Order(StringComparer.Ordinal));
        var deadLetter = Assert.Single(await _ingest.DeadLetters.ListAsync(10, CancellationToken.None));
        Assert.StartsWith("reading[1] 'b-2': diastolic 250 mmHg", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal(ReadingPayload.Serialize(batch), deadLetter.Payload.ToArray());
    }

    [Fact]
    public async Task ManyReadings_AllStoredAndAcknowledged()
    {
        const int count = 300;
        for (var i = 0; i < count; i++)
        {
            await _ingest.PublishAsync(Readings.BloodPressure($"many-{i}") with { MeasuredAt = Today.AddSeconds(-i) });
        }

        await _broker.WaitForAcksAsync(count, Timeout);

        Assert.Equal(count, (await _ingest.Readings.LatestAsync("clinic-a", 1000, CancellationToken.None)).Count);
        Assert.Equal(count, _ingest.Counters[IngestMetrics.Stored]);
    }

    [Theory]
    [InlineData("Ingest:BatchSize", "0", "Ingest:BatchSize")]
    [InlineData("Ingest:ClientId", "bad id!", "Ingest:ClientId")]
    [InlineData("Ingest:SharedGroup", "a/b", "Ingest:SharedGroup")]
    [InlineData("Mqtt:Url", "tcp://x", "Mqtt:Url")]
    [InlineData("Ingest:MaxPayloadBytes", "10", "Ingest:MaxPayloadBytes")]
    [InlineData("Ingest:MaxInFlightBatches", "0", "Ingest:MaxInFlightBatches")]
    [InlineData("Ingest:MaxPointsPerWrite", "0", "Ingest:MaxPointsPerWrite")]
    [InlineData("Ingest:BatchLinger", "00:01:00", "Ingest:BatchLinger")]
    [InlineData("Ingest:HealthUrl", "https://0.0.0.0/health", "Ingest:HealthUrl")]
    public async Task AddCloudIngest_BadKey_StartFailsNamingTheKey(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["Storage:SqlitePath"] = Path.Combine(_ingest.Directory, "other.db"),
            ["Storage:Registry"] = $"Data Source={Path.Combine(_ingest.Directory, "other-registry.db")}",
        });
        builder.AddCloudIngest();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
