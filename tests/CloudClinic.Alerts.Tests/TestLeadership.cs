using CloudClinic.Alerts.Leadership;

namespace CloudClinic.Alerts.Tests;

internal static class TestLeadership
{
    /// <summary>A process that holds the engine lease (a worker constructed by hand, without the lease worker).</summary>
    public static EngineLeadership Leading()
    {
        var leadership = new EngineLeadership(TimeProvider.System);
        leadership.Set(true, DateTimeOffset.MaxValue);
        return leadership;
    }
}
