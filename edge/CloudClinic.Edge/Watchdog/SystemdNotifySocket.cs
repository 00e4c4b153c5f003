using System.Net.Sockets;
using System.Text;

namespace CloudClinic.Edge.Watchdog;

/// <summary>
/// Sends sd_notify(3) messages: one datagram per message to the unix socket in <c>NOTIFY_SOCKET</c>. A leading
/// <c>@</c> names a socket in the abstract namespace (a leading NUL byte on the wire).
/// </summary>
internal sealed class SystemdNotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endPoint;

    public SystemdNotifySocket(string notifySocket)
    {
        ArgumentException.ThrowIfNullOrEmpty(notifySocket);
        _endPoint = new UnixDomainSocketEndPoint(notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket);
    }

    public void Send(string state) => _socket.SendTo(Encoding.UTF8.GetBytes(state), _endPoint);

    public void Dispose() => _socket.Dispose();
}
