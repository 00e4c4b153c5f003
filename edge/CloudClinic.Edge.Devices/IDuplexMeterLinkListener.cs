namespace CloudClinic.Edge.Devices;

/// <summary>
/// A listener that also talks to the meter. A link that can write calls <see cref="OnConnectedAsync(IMeterLinkWriter, CancellationToken)"/>
/// instead of the plain <see cref="IMeterLinkListener.OnConnectedAsync"/>; the writer is valid until the matching
/// <see cref="IMeterLinkListener.OnDisconnectedAsync"/>.
/// </summary>
public interface IDuplexMeterLinkListener : IMeterLinkListener
{
    ValueTask OnConnectedAsync(IMeterLinkWriter writer, CancellationToken cancellationToken);
}
