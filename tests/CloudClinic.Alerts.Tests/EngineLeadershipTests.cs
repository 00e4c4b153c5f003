using CloudClinic.Alerts.Leadership;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

public sealed class EngineLeadershipTests
{
    [Fact]
    public async Task IsLeader_RenewalStalls_LapsesOnItsOwnClock_WaitCompletesOnlyWhileLeading()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var leadership = new EngineLeadership(time);
        var waiting = leadership.WaitAsync(default);
        Assert.False(waiting.IsCompleted);

        leadership.Set(true, time.GetUtcNow().AddSeconds(10));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(leadership.IsLeader);

        time.Advance(TimeSpan.FromSeconds(10)); // no renewal came: stop acting before the lease can pass on
        Assert.False(leadership.IsLeader);

        leadership.Set(false);
        Assert.False(leadership.WaitAsync(default).IsCompleted);
    }
}
