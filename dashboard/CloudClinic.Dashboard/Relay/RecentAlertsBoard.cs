using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Relay;

/// <summary>
/// The latest event of each alert this instance relayed, newest first, so a page opened after an urgent alert
/// still shows it. Bounded and in memory: the registry-backed alert inbox (a later issue) replaces it.
/// </summary>
internal sealed class RecentAlertsBoard
{
    /// <summary>Alerts kept per instance; far more than one clinic raises in a day.</summary>
    public const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly LinkedList<AlertEventMessage> _alerts = new();

    public void Set(AlertEventMessage alert)
    {
        lock (_gate)
        {
            var existing = _alerts.First;
            while (existing is not null && existing.Value.AlertId != alert.AlertId)
            {
                existing = existing.Next;
            }

            if (existing is not null)
            {
                _alerts.Remove(existing);
            }

            _alerts.AddFirst(alert);
            if (_alerts.Count > Capacity)
            {
                _alerts.RemoveLast();
            }
        }
    }

    public AlertEventMessage[] ForClinic(string? clinicId, int limit)
    {
        lock (_gate)
        {
            return [.. _alerts.Where(a => clinicId is null || a.ClinicId == clinicId).Take(limit)];
        }
    }
}
