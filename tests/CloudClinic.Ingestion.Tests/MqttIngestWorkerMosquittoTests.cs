using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// Against real mosquitto with persistent sessions: the ingest's session (clean start false, long expiry) keeps
/// its readings while it is away, and what it did not acknowledge comes back to the next ingest and lands once.
/// </summary>
public sealed class MqttIngestWorkerMosquittoTests : IAsyncLifetime
{
    private const string Database = "ingest_mosquitto";
    private static readonly TimeSpan Timeout = IngestHost.Timeout;
    private MosquittoProcess _mosquitto = null!;
    private InfluxdProcess _influxd = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoProcess.StartAsync();
        _influxd = await InfluxdProcess.StartAsync();
        _directory = Directory.CreateTempSubdirectory("cloudclinic-ingest-mosquitto-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _influxd.DisposeAsync();
        await _mosquitto.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task IngestStoppedWhileStoreHung_NextIngestGetsReadingAgainAndStoresItOnce()
    {
        await using (var first = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory))
        {
            await first.PublishAsync(Readings.BloodPressure("warm-up"));
            await first.Log.WaitForAsync("Acknowledged", Timeout);
            _influxd.Pause();
            await first.PublishAsync(Readings.BloodPressure("unacked") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-4) });
            await first.Log.WaitForAsync("Ingest retrying", Timeout, count: 2);
            Assert.Equal(1, first.Log.Count("Acknowledged"));
        }

        _influxd.Resume();
        await using var second = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory);
        await second.Log.WaitForAsync("Acknowledged", Timeout);

        // The second ingest was handed the unacknowledged reading again, and it is still one point.
        Assert.Equal(1, second.Counters[IngestMetrics.Received]);
        Assert.Equal(2, await InfluxCount.PointsAsync(_influxd, Database, "blood_pressure"));
        Assert.Contains(second.Log.Lines, l => l.Contains("session present: True", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadingsPublishedWhileIngestAway_AreStoredWhenItReturns()
    {
        await using (var first = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory))
        {
            await first.StopAsync();
        }

        await using (var gateway = await TestGateway.ConnectAsync(_mosquitto.Url))
        {
            await gateway.PublishAsync(Readings.BloodPressure("away-1"));
            await gateway.PublishAsync(Readings.Glucose("away-2"));
            await gateway.PublishAsync(Readings.BloodPressure("away-3") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-7) });
        }

        await using var second = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory);
        await second.Counters.WaitForAsync(IngestMetrics.Stored, 3, Timeout);

        Assert.Equal(2, await InfluxCount.PointsAsync(_influxd, Database, "blood_pressure"));
        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }

    [Fact]
    public async Task SharedGroup_SubscribesWithShareAndStores()
    {
        var settings = Settings();
        settings["Ingest:SharedGroup"] = "ingest";
        await using var ingest = await IngestHost.StartAsync(_mosquitto.Url, settings, _directory);

        await ingest.PublishAsync(Readings.Glucose("shared-1"));
        await ingest.Log.WaitForAsync("Acknowledged", Timeout);

        Assert.Contains(ingest.Log.Lines, l => l.Contains("ingest subscribed to $share/ingest/cloudclinic/v1/+/+/readings", StringComparison.Ordinal));
        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }

    [Fact]
    public async Task BrokerRestarted_IngestReconnectsByItself_AndStoresNewReadings()
    {
        await using var ingest = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory);

        await _mosquitto.StopAsync();
        await _mosquitto.StartAsync();
        await ingest.Log.WaitForAsync("ingest subscribed", Timeout, count: 2);
        await using (var gateway = await TestGateway.ConnectAsync(_mosquitto.Url))
        {
            await gateway.PublishAsync(Readings.Glucose("after-restart"));
        }

        await ingest.Log.WaitForAsync("Acknowledged", Timeout);
        Assert.Equal(1, await InfluxCount.PointsAsync(_influxd, Database, "glucose"));
    }

    [Fact]
    public async Task BrokerRestartedWithQueuedReadings_TheyReachTheIngestAfterwards()
    {
        await using (var first = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory))
        {
            await first.StopAsync();
        }

        await using (var gateway = await TestGateway.ConnectAsync(_mosquitto.Url))
        {
            await gateway.PublishAsync(Readings.BloodPressure("queued-1"));
            await gateway.PublishAsync(Readings.BloodPressure("queued-2") with { MeasuredAt = TimeProvider.System.GetUtcNow().AddMinutes(-9) });
        }

        // SIGTERM: mosquitto saves its database on the way out. (A kill -9 can lose what it acknowledged since
        // its last save, even with autosave_on_changes: it sends PUBACK before it persists.)
        await _mosquitto.StopAsync();
        await _mosquitto.StartAsync();
        await using var second = await IngestHost.StartAsync(_mosquitto.Url, Settings(), _directory);
        await second.Counters.WaitForAsync(IngestMetrics.Stored, 2, Timeout);

        Assert.Equal(2, await InfluxCount.PointsAsync(_influxd, Database, "blood_pressure"));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Readings"] = "influx",
        ["Influx:Url"] = _influxd.Url.ToString(),
        ["Influx:Database"] = Database,
        ["Influx:Timeout"] = "00:00:00.500",
    };
}
