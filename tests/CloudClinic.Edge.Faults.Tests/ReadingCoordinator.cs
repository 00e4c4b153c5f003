using System.Buffers;
using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Faults.Tests;

/// <summary>
/// The fault test's coordinator, playing the cloud ingest: a persistent-session MQTT 5 subscriber (fixed client id,
/// clean start false, its own reconnect loop) that writes every delivered reading into a store keyed by readingId,
/// as the real stores are (a re-delivery overwrites, never adds a row). It counts every copy delivered, so the
/// at-least-once side shows, and checks that a re-delivered reading is identical to the stored one.
/// </summary>
internal sealed class ReadingCoordinator : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectEvery = TimeSpan.FromMilliseconds(100);
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string _readingsTopic;
    private readonly string _statusTopic;
    private readonly SqliteConnection _store;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reconnecting = Task.CompletedTask;
    private long _copies;
    private long _redelivered;
    private long _redeliveredDifferent;
    private long _reconnects;
    private long _unreadable;
    private long _offline;

    private ReadingCoordinator(string host, int port, string clinicId, string gatewayId, string storePath)
    {
        _readingsTopic = Topics.Readings(clinicId, gatewayId);
        _statusTopic = Topics.Status(clinicId, gatewayId);
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"fault-coordinator-{Guid.NewGuid():N}")
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .Build();
        _store = new SqliteConnection($"Data Source={storePath};Pooling=false");
        _store.Open();
        using var command = _store.CreateCommand();
        command.CommandText = "CREATE TABLE readings (reading_id TEXT NOT NULL PRIMARY KEY, serial TEXT NOT NULL, record INTEGER NOT NULL, body TEXT NOT NULL)";
        command.ExecuteNonQuery();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    /// <summary>Raised after every delivered message.</summary>
    public event Action? Changed;

    /// <summary>Reading copies delivered, counting re-deliveries.</summary>
    public long Copies => Interlocked.Read(ref _copies);

    /// <summary>Copies whose readingId was already stored (at-least-once re-delivery).</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    /// <summary>Re-delivered copies whose content differed from the stored reading: must be 0 for re-delivery to be harmless.</summary>
    public long RedeliveredDifferent => Interlocked.Read(ref _redeliveredDifferent);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Offline statuses received: the gateway's will (the broker dropped it) or its clean stop.</summary>
    public long OfflineStatuses => Interlocked.Read(ref _offline);

    public GatewayStatusMessage? LastStatus { get; private set; }

    /// <summary>Reading payloads that did not parse: must be 0.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public string? LastUnreadable { get; private set; }

    public static async Task<ReadingCoordinator> StartAsync(string host, int port, string clinicId, string gatewayId, string storePath)
    {
        var coordinator = new ReadingCoordinator(host, port, clinicId, gatewayId, storePath);
        await coordinator.ConnectAsync(CancellationToken.None);
        coordinator._reconnecting = coordinator.KeepConnectedAsync();
        return coordinator;
    }

    /// <summary>Record numbers stored for one meter serial.</summary>
    public IReadOnlySet<long> Records(string serial)
    {
        lock (_gate)
        {
            using var command = _store.CreateCommand();
            command.CommandText = "SELECT record FROM readings WHERE serial = $serial";
            command.Parameters.AddWithValue("$serial", serial);
            using var reader = command.ExecuteReader();
            var records = new HashSet<long>();
            while (reader.Read())
            {
                records.Add(reader.GetInt64(0));
            }

            return records;
        }
    }

    public long StoredRows => Scalar("SELECT COUNT(*) FROM readings");

    /// <summary>Rows beyond the first for one meter record (serial + record number): one measurement stored twice under different ids.</summary>
    public long DuplicateRows => Scalar("SELECT COUNT(*) - COUNT(DISTINCT serial || '/' || record) FROM readings");

    /// <summary>Completes when <paramref name="condition"/> holds, re-checked on every delivery.</summary>
    public async Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"not reached within {timeout}: {describe()}");
        }
        finally
        {
            Changed -= Check;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reconnecting;
        await _client.TryDisconnectAsync();
        _client.Dispose();
        lock (_gate)
        {
            _store.Dispose();
        }

        _stop.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var connected = await _client.ConnectAsync(_options, cancellationToken);
        if (!connected.IsSessionPresent)
        {
            await _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(_readingsTopic, MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithTopicFilter(_statusTopic, MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                cancellationToken);
        }
    }

    /// <summary>MQTTnet's own advice: a timer loop that reconnects, not a reconnect from the Disconnected event.</summary>
    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ReconnectEvery, _stop.Token);
                if (!_client.IsConnected)
                {
                    await ConnectAsync(_stop.Token);
                    Interlocked.Increment(ref _reconnects);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // The broker is restarting: try again on the next tick.
            }
        }
    }

    private void Receive(MqttApplicationMessage message)
    {
        var payload = message.Payload.ToArray();
        if (message.Topic == _statusTopic)
        {
            LastStatus = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.GatewayStatusMessage);
            if (LastStatus?.State == GatewayStates.Offline)
            {
                Interlocked.Increment(ref _offline);
            }
        }
        else if (ReadingPayload.TryParse(payload, out var readings, out var error))
        {
            Store(readings);
        }
        else
        {
            LastUnreadable = error;
            Interlocked.Increment(ref _unreadable);
        }

        Changed?.Invoke();
    }

    private void Store(IReadOnlyList<ReadingMessage> readings)
    {
        lock (_gate)
        {
            using var transaction = _store.BeginTransaction();
            foreach (var reading in readings)
            {
                Interlocked.Increment(ref _copies);
                var body = JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);
                var id = MeterRecordId.Parse(reading.ReadingId);
                using var insert = _store.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO readings (reading_id, serial, record, body) VALUES ($id, $serial, $record, $body)
                    ON CONFLICT (reading_id) DO NOTHING
                    """;
                insert.Parameters.AddWithValue("$id", reading.ReadingId);
                insert.Parameters.AddWithValue("$serial", id.Serial);
                insert.Parameters.AddWithValue("$record", id.Record);
                insert.Parameters.AddWithValue("$body", body);
                if (insert.ExecuteNonQuery() == 1)
                {
                    continue;
                }

                Interlocked.Increment(ref _redelivered);
                using var stored = _store.CreateCommand();
                stored.Transaction = transaction;
                stored.CommandText = "SELECT body FROM readings WHERE reading_id = $id";
                stored.Parameters.AddWithValue("$id", reading.ReadingId);
                if ((string)stored.ExecuteScalar()! != body)
                {
                    Interlocked.Increment(ref _redeliveredDifferent);
                }
            }

            transaction.Commit();
        }
    }

    private long Scalar(string sql)
    {
        lock (_gate)
        {
            using var command = _store.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
    }
}
