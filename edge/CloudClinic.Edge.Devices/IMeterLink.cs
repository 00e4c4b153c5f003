namespace CloudClinic.Edge.Devices;

/// <summary>
/// The byte transport of one meter station (DESIGN.md §5 "link"): a serial port, a simulated meter, later BLE.
/// <see cref="RunAsync"/> owns the connection for the life of the station: it connects, delivers bytes, survives
/// unplug/replug by reconnecting, and returns only when cancelled.
/// </summary>
public interface IMeterLink
{
    /// <summary><see cref="CloudClinic.Contracts.Transports"/>: how the meter is attached, as the wire reports it.</summary>
    string Transport { get; }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; then completes (it does not throw).</summary>
    Task RunAsync(IMeterLinkListener listener, CancellationToken cancellationToken);
}
