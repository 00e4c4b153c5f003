namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Lets housekeeping inside a busy loop run at most once per <paramref name="interval"/> (the first call always
/// passes): bookkeeping that needs no more than that should not cost a registry commit on every pass.
/// </summary>
internal sealed class PeriodicGate(TimeSpan interval, TimeProvider time)
{
    private long? _passedAtTimestamp;

    /// <summary>True, and the interval restarts, when the last pass is at least the interval ago.</summary>
    public bool TryPass()
    {
        if (_passedAtTimestamp is { } passed && time.GetElapsedTime(passed) < interval)
        {
            return false;
        }

        _passedAtTimestamp = time.GetTimestamp();
        return true;
    }
}
