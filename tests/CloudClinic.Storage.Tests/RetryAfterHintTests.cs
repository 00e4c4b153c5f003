using System.Net.Http.Headers;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class RetryAfterHintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_DelaySeconds_IsThatDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHint.From(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), Now));

    [Fact]
    public void From_HttpDateAhead_IsTheTimeUntilThen()
    {
        // As a proxy sends it: "Retry-After: Sat, 28 Nov 2026 12:02:00 GMT".
        var header = RetryConditionHeaderValue.Parse("Sat, 28 Nov 2026 12:02:00 GMT");

        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfterHint.From(header, Now));
    }

    [Fact]
    public void From_HttpDateInThePast_IsNoHint() =>
        Assert.Null(RetryAfterHint.From(RetryConditionHeaderValue.Parse("Sat, 28 Nov 2026 11:59:00 GMT"), Now));

    [Fact]
    public void From_ZeroSecondsOrNoHeader_IsNoHint()
    {
        Assert.Null(RetryAfterHint.From(new RetryConditionHeaderValue(TimeSpan.Zero), Now));
        Assert.Null(RetryAfterHint.From(null, Now));
    }
}
