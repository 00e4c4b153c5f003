using CloudClinic.Alerts.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

public sealed class AlertOutboxSignalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WaitMqttAsync_NotifyAfterEarlierPollTimeouts_WakesTheCurrentWaiter()
    {
        var time = new FakeTimeProvider();
        var signal = new AlertOutboxSignal();
        for (var i = 0; i < 3; i++)
        {
            var idle = signal.WaitMqttAsync(TimeSpan.FromSeconds(1), time, default);
            time.Advance(TimeSpan.FromSeconds(1));
            await idle.WaitAsync(Timeout); // the poll interval ended the wait
        }

        var waiting = signal.WaitMqttAsync(TimeSpan.FromSeconds(1), time, default);
        signal.Notify();

        await waiting.WaitAsync(Timeout); // no clock advance: only the notify can have woken it
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitWebhooksAsync_NotifiedBeforeWaiting_ReturnsAtOnce()
    {
        var signal = new AlertOutboxSignal();
        signal.Notify();

        await signal.WaitWebhooksAsync(TimeSpan.FromDays(1), new FakeTimeProvider(), default).WaitAsync(Timeout);
        await signal.WaitMqttAsync(TimeSpan.FromDays(1), new FakeTimeProvider(), default).WaitAsync(Timeout);
    }
}
