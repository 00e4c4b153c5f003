using System.Text;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>Records what a link reports ("connected", "disconnected: …", bytes as text) and lets tests await it.</summary>
internal sealed class RecordingLinkListener : IMeterLinkListener
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];
    private readonly StringBuilder _received = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public string Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToString();
            }
        }
    }

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    public ValueTask OnConnectedAsync(CancellationToken cancellationToken) => Record("connected", null);

    public ValueTask OnBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        Record(null, Encoding.Latin1.GetString(bytes.Span));

    public ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken) => Record($"disconnected: {reason}", null);

    public ValueTask OnConnectFailedAsync(string reason, CancellationToken cancellationToken) => Record($"connect failed: {reason}", null);

    public async Task WaitForAsync(Func<RecordingLinkListener, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add((() => condition(this), done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"link condition not met within {timeout}. Events: {string.Join(" | ", Events)}; received: {Received}");
        }
    }

    private ValueTask Record(string? linkEvent, string? text)
    {
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            if (linkEvent is not null)
            {
                _events.Add(linkEvent);
            }

            _received.Append(text);
            ready = [.. _waiters.Where(w => w.Condition()).Select(w => w.Done)];
            _waiters.RemoveAll(w => ready.Contains(w.Done));
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}
