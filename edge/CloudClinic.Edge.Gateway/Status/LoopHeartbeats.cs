using System.Collections.Concurrent;
using System.Globalization;

namespace CloudClinic.Edge.Gateway.Status;

/// <summary>
/// Progress of the gateway's loops, for the systemd watchdog: a loop that failed ends its task (the host sees that),
/// but a hung one — a deadlock, an SD card that stopped answering in the middle of a commit — looks alive. Loops
/// <see cref="Beat"/> at least every <see cref="BeatEvery"/> (also while idle or backing off: waiting on a timer is
/// not hung); work that must finish (an outbox commit) runs inside <see cref="Operation"/>. <see cref="FindStall"/>
/// names a loop silent, or an operation running, for longer than <see cref="StallLimit"/>.
/// </summary>
public sealed class LoopHeartbeats
{
    private readonly ConcurrentDictionary<string, long> _lastBeats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OperationScope, byte> _operations = new();
    private readonly TimeProvider _timeProvider;

    public LoopHeartbeats(TimeSpan stallLimit, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stallLimit, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        StallLimit = stallLimit;
        _timeProvider = timeProvider;
    }

    public TimeSpan StallLimit { get; }

    /// <summary>A sixth of the limit: a couple of late beats are not a stall.</summary>
    public TimeSpan BeatEvery => StallLimit / 6;

    /// <summary>The loop made progress (or is waiting on purpose); from its first beat on it is watched.</summary>
    public void Beat(string loop) => _lastBeats[loop] = _timeProvider.GetTimestamp();

    /// <summary>Marks work that must end within the limit; dispose the scope when it did.</summary>
    public IDisposable Operation(string name)
    {
        var scope = new OperationScope(this, name, _timeProvider.GetTimestamp());
        _operations[scope] = 0;
        return scope;
    }

    /// <summary>Null while every loop beats and no operation overran; otherwise what is stuck, for the log.</summary>
    public string? FindStall()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var scope in _operations.Keys)
        {
            var running = _timeProvider.GetElapsedTime(scope.StartedAt, now);
            if (running > StallLimit)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{scope.Name} has been running for {running.TotalSeconds:0.#} s (limit {StallLimit.TotalSeconds:0.#} s, Edge:Watchdog:StallSeconds)");
            }
        }

        foreach (var (loop, lastBeat) in _lastBeats)
        {
            var silent = _timeProvider.GetElapsedTime(lastBeat, now);
            if (silent > StallLimit)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{loop} loop made no progress for {silent.TotalSeconds:0.#} s (limit {StallLimit.TotalSeconds:0.#} s, Edge:Watchdog:StallSeconds)");
            }
        }

        return null;
    }

    /// <summary>Waits <paramref name="delay"/> (a back-off), beating for <paramref name="loop"/> meanwhile.</summary>
    public async Task DelayAsync(string loop, TimeSpan delay, CancellationToken cancellationToken)
    {
        var until = _timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * _timeProvider.TimestampFrequency);
        while (true)
        {
            Beat(loop);
            var left = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), until);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left < BeatEvery ? left : BeatEvery, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class OperationScope(LoopHeartbeats owner, string name, long startedAt) : IDisposable
    {
        public string Name => name;

        public long StartedAt => startedAt;

        public void Dispose() => owner._operations.TryRemove(this, out _);
    }
}
