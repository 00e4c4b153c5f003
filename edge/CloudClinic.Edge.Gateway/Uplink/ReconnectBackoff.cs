namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// Exponential back-off with "equal jitter" (half fixed, half random): after a county-wide outage, hundreds of
/// gateways must not reconnect to the broker in the same second.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
#pragma warning disable CA5394 // Jitter, not security.
        var jitter = Random.Shared.NextDouble();
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds((ceiling / 2) + (jitter * ceiling / 2));
    }

    public void Reset() => _attempt = 0;
}
