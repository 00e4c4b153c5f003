using System.Threading.Channels;

namespace CloudClinic.Alerts.Roster;

/// <summary>
/// "This clinic's patients changed": raised by whatever writes patients in this process (the admin API, the roster
/// import) so <see cref="RosterPublisherWorker"/> republishes that clinic's roster at once instead of at the next refresh.
/// </summary>
public sealed class RosterChangeSignal
{
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Changed(string clinicId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clinicId);
        _changed.Writer.TryWrite(clinicId);
    }

    internal ChannelReader<string> Reader => _changed.Reader;
}
