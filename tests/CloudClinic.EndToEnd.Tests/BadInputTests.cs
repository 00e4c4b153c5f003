using System.Text;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>Bad payloads through real mosquitto: rejected with a reason, counted, dead-lettered, acked — and the ingest keeps going.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private CloudStack _stack = null!;

    public async Task InitializeAsync() => _stack = await CloudStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task MalformedAndSpoofedPayloads_AreDeadLetteredAndValidReadingStillLands()
    {
        var ingest = await _stack.StartIngestAsync();
        await using var gateway = await _stack.ProbeAsync("bad-gw");
        var topic = Topics.Readings(TestReadings.Clinic, TestReadings.Gateway);
        var spoofedId = CloudStack.Id("spoof");
        var validId = CloudStack.Id("valid");

        await gateway.PublishAsync(topic, Encoding.UTF8.GetBytes("{\"schema\":\"cloudclinic.reading/1\", not json"));
        // A clinic publishing another clinic's reading on its own topic (or vice versa) is a spoof.
        await gateway.PublishAsync(topic, ReadingPayload.Serialize(TestReadings.BloodPressure(spoofedId, 185, 115, clinicId: "other-clinic")));
        await gateway.PublishAsync(topic, ReadingPayload.Serialize(TestReadings.BloodPressure(validId, 128, 82)));

        // The valid reading behind the bad ones lands: the ingest did not stall on them.
        await Poll.UntilAsync(
            () => InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", validId),
            r => r.Count == 1, TimeSpan.FromSeconds(60), "the valid reading after two bad ones");
        Assert.Empty(await InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", spoofedId));

        // Dead letters are committed after the batch's store write, so the valid reading can be visible first.
        var reasons = await Poll.UntilAsync(DeadLetterReasonsAsync, r => r.Count >= 2, TimeSpan.FromSeconds(30), "the two dead letters");
        Assert.Equal(2, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("malformed", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(reasons, r => r.Contains("other-clinic", StringComparison.Ordinal));
        // The warning is logged after the commit, through the console logger's queue: it can trail the rows.
        await ingest.WaitForOutputAsync("Dead-lettered", TimeSpan.FromSeconds(30));

        // Acked, not left on the broker: a restarted ingest with the same session gets nothing new to dead-letter.
        // (The ack follows the store write and the alert queue's commit: wait for all three acks before the kill.)
        await Poll.UntilAsync(() => Task.FromResult(AcknowledgedCount(ingest.Output)), n => n >= 3, TimeSpan.FromSeconds(30), "the acks of the three messages");
        await ingest.KillAsync();
        await _stack.StartIngestAsync();
        var marker = CloudStack.Id("marker");
        await gateway.PublishAsync(topic, ReadingPayload.Serialize(TestReadings.BloodPressure(marker, 118, 76)));
        await Poll.UntilAsync(
            () => InfluxQuery.ByReadingIdAsync(_stack.Influxd.Url, CloudStack.Database, "blood_pressure", marker),
            r => r.Count == 1, TimeSpan.FromSeconds(60), "the marker reading after the restart");
        Assert.Equal(2, (await DeadLetterReasonsAsync()).Count);
    }

    private static int AcknowledgedCount(string output) =>
        System.Text.RegularExpressions.Regex.Matches(output, @"Acknowledged (\d+) messages")
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private async Task<List<string>> DeadLetterReasonsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_stack.RegistryPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason FROM dead_letters ORDER BY received_at_ms";
        var reasons = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reasons.Add(reader.GetString(0));
        }

        return reasons;
    }
}
