using System.Buffers;
using MQTTnet;

namespace CloudClinic.Testing;

/// <summary>
/// Collects messages in arrival order and lets a test wait for a condition on them (TaskCompletionSource, no sleep
/// loops). Used for the broker's own log of publishes and for a real MQTT subscriber client.
/// </summary>
public sealed class MqttMessageCollector : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<CollectedMqttMessage> _messages = [];
    private readonly List<(Func<IReadOnlyList<CollectedMqttMessage>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly IMqttClient? _client;

    internal MqttMessageCollector(IMqttClient? client = null) => _client = client;

    /// <summary>A snapshot of everything collected so far.</summary>
    public IReadOnlyList<CollectedMqttMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds for the collected messages; TimeoutException otherwise.</summary>
    public async Task<IReadOnlyList<CollectedMqttMessage>> WaitForAsync(Func<IReadOnlyList<CollectedMqttMessage>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_messages))
            {
                return [.. _messages];
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = Messages;
            throw new TimeoutException(
                $"condition not met within {timeout}; {seen.Count} message(s) collected:\n"
                + string.Join('\n', seen.TakeLast(20).Select(m => $"{m.Topic} retain={m.Retain}: {Truncate(m.PayloadText)}")));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }

        return Messages;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages on <paramref name="topic"/> (exact) arrived.</summary>
    public Task<IReadOnlyList<CollectedMqttMessage>> WaitForCountAsync(string topic, int count, TimeSpan timeout) =>
        WaitForAsync(messages => messages.Count(m => m.Topic == topic) >= count, timeout);

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }

            _client.Dispose();
        }
    }

    internal void Add(MqttApplicationMessage message, string? clientId)
    {
        var collected = new CollectedMqttMessage(
            message.Topic,
            message.Payload.ToArray(),
            message.Retain,
            message.QualityOfServiceLevel,
            clientId);
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _messages.Add(collected);
            ready = [.. _waiters.Where(w => w.Condition(_messages)).Select(w => w.Done)];
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
