using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// Drains the outbox over one connection: QoS 1 publishes on <c>…/{gateway}/readings</c>, a single object for one
/// reading and an array of up to 500 (ReadingPayload) for a backlog, a small window in flight. A row is deleted only
/// when its PUBACK says Success. "No matching subscribers" is not success: nobody would receive the reading (the
/// ingest is not subscribed), so it stays in the outbox and is retried after a back-off.
/// Returns/throws when the connection fails; the caller reconnects.
/// </summary>
internal sealed partial class ReadingPublisher(
    IOptions<EdgeOptions> edge,
    IOptions<MqttOptions> mqtt,
    OutboxStore outbox,
    GatewayStatusBoard board,
    LoopHeartbeats heartbeats,
    TimeProvider timeProvider,
    ILogger<ReadingPublisher> logger)
{
    /// <summary>The loop name in the watchdog's log (shared with the reconnect loop: one uplink).</summary>
    public const string Loop = "uplink";

    private static readonly TimeSpan RefusedRetryMin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefusedRetryMax = TimeSpan.FromSeconds(30);
    private readonly string _topic = Topics.Readings(edge.Value.ClinicId, edge.Value.GatewayId);

    public async Task RunAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var inFlight = new List<(Task<MqttClientPublishResult> Publish, string[] Ids)>();
        var inFlightIds = new HashSet<string>(StringComparer.Ordinal);
        var refusedDelay = RefusedRetryMin;
        var pausedUntil = DateTimeOffset.MinValue;
        Task? beatDue = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Each pass is progress; an idle connection still passes once per beat (the timer below).
                heartbeats.Beat(Loop);
                if (beatDue is null || beatDue.IsCompleted)
                {
                    beatDue = Task.Delay(heartbeats.BeatEvery, timeProvider, cancellationToken);
                }

                var seen = outbox.AdditionVersion;
                var paused = timeProvider.GetUtcNow() < pausedUntil;
                while (!paused && inFlight.Count < mqtt.Value.PublishWindow)
                {
                    var batch = outbox.Peek(ReadingPayload.MaxBatch, inFlightIds);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    var ids = batch.Select(e => e.ReadingId).ToArray();
                    inFlight.Add((Publish(client, batch, cancellationToken), ids));
                    inFlightIds.UnionWith(ids);
                }

                var waits = inFlight.Select(f => (Task)f.Publish).Append(beatDue).ToList();
                if (inFlight.Count < mqtt.Value.PublishWindow)
                {
                    waits.Add(paused
                        ? Task.Delay(pausedUntil - timeProvider.GetUtcNow(), timeProvider, cancellationToken)
                        : outbox.WaitForAdditionAsync(seen, cancellationToken));
                }

                await Task.WhenAny(waits);
                var completed = inFlight.Where(f => f.Publish.IsCompleted).ToList();
                foreach (var done in completed)
                {
                    inFlight.Remove(done);
                    inFlightIds.ExceptWith(done.Ids);
                }

                // Every batch acknowledged in this pass goes in one transaction: one fsync, not one per PUBACK.
                var delivered = completed.Where(f => f.Publish.IsCompletedSuccessfully && f.Publish.Result.ReasonCode == MqttClientPublishReasonCode.Success)
                    .SelectMany(f => f.Ids).ToList();
                if (delivered.Count > 0)
                {
                    outbox.Delete(delivered);
                    refusedDelay = RefusedRetryMin;
                    board.SetUplinkError(null);
                    LogDelivered(logger, delivered.Count, outbox.Count);
                }

                foreach (var done in completed.Where(f => !f.Publish.IsCompletedSuccessfully || f.Publish.Result.ReasonCode != MqttClientPublishReasonCode.Success))
                {
                    // A failed send (connection lost, timeout) throws here and ends this connection.
                    var result = await done.Publish;
                    var error = $"broker did not accept {done.Ids.Length} reading(s): {result.ReasonCode} {result.ReasonString}".TrimEnd();
                    LogRefused(logger, error, refusedDelay.TotalSeconds);
                    board.SetUplinkError(error);
                    pausedUntil = timeProvider.GetUtcNow() + refusedDelay;
                    refusedDelay = TimeSpan.FromTicks(Math.Min(refusedDelay.Ticks * 2, RefusedRetryMax.Ticks));
                }
            }
        }
        finally
        {
            // Publishes still pending when the connection ends stay in the outbox; observe their failures.
            foreach (var (publish, _) in inFlight)
            {
                _ = publish.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    private Task<MqttClientPublishResult> Publish(IMqttClient client, IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        var payload = OutboxPayload.For(batch);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        return client.PublishAsync(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broker acknowledged {Count} reading(s); {Backlog} left in the outbox")]
    private static partial void LogDelivered(ILogger logger, int count, long backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error}; keeping them in the outbox and retrying in {DelaySeconds} s")]
    private static partial void LogRefused(ILogger logger, string error, double delaySeconds);
}
