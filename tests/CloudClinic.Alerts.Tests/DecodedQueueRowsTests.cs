using CloudClinic.Alerts.Engine;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The in-memory shortcut for the engine's own queue rows: bounded in readings, taken once, and pruned of rows the
/// head of the queue shows were evaluated elsewhere (urgent rows are taken first, each kind oldest first).
/// </summary>
public sealed class DecodedQueueRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Add_BeyondTheReadingBound_KeepsNothingMore_TakeFreesRoom()
    {
        var rows = new DecodedQueueRows(maxReadings: 5);
        rows.Add(1, urgent: false, Now, Readings(3));
        rows.Add(2, urgent: false, Now, Readings(3)); // 6 > 5: left to the registry
        rows.Add(3, urgent: false, Now, Readings(2)); // exactly 5

        Assert.False(rows.TryTake(2, out _));
        Assert.True(rows.TryTake(1, out var first));
        Assert.Equal(1, first.QueueId);
        Assert.False(first.Urgent);
        Assert.Equal(Now, first.EnqueuedAt);
        Assert.Equal(3, first.Readings.Count);
        Assert.False(rows.TryTake(1, out _)); // taken once

        rows.Add(4, urgent: true, Now, Readings(3)); // 2 + 3 = 5 again
        Assert.True(rows.TryTake(4, out var urgent));
        Assert.True(urgent.Urgent);
    }

    [Fact]
    public void Prune_OrdinaryHead_DropsEveryUrgentRowAndOlderOrdinaryRows()
    {
        var rows = Filled();
        rows.Prune(headId: 12, headUrgent: false);

        Assert.Equal([12L, 13L], Remaining(rows));
    }

    [Fact]
    public void Prune_UrgentHead_DropsOlderUrgentRowsOnly_OrdinaryRowsMayStillBeQueued()
    {
        var rows = Filled();
        rows.Prune(headId: 21, headUrgent: true);

        Assert.Equal([11L, 12L, 13L, 21L], Remaining(rows));
    }

    [Fact]
    public void Prune_EmptyQueue_DropsEverything()
    {
        var rows = Filled();
        rows.Prune(headId: null, headUrgent: false);

        Assert.Equal(0, rows.Count);
    }

    private static DecodedQueueRows Filled()
    {
        var rows = new DecodedQueueRows(maxReadings: 100);
        rows.Add(11, urgent: false, Now, Readings(1));
        rows.Add(12, urgent: false, Now, Readings(1));
        rows.Add(13, urgent: false, Now, Readings(1));
        rows.Add(20, urgent: true, Now, Readings(1));
        rows.Add(21, urgent: true, Now, Readings(1));
        return rows;
    }

    private static long[] Remaining(DecodedQueueRows rows) =>
        [.. new long[] { 11, 12, 13, 20, 21 }.Where(id => rows.TryTake(id, out _))];

    private static ReadingMessage[] Readings(int count) =>
        [.. Enumerable.Range(1, count).Select(i => TestReadings.Bp($"r-{i}", 128, 78, Now))];
}
