using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace CloudClinic.Ingestion.Mqtt;

/// <summary>
/// An MQTT channel that serves MQTTnet's reads from a 64 KiB buffer filled by one socket read at a time. MQTTnet reads
/// a packet in pieces (the fixed header, the remaining length, the body), each a socket read of its own on its TCP
/// channel: at one reading per message that was three receive system calls per reading, a fifth of the ingest's
/// kernel time (perf, bench/README.md). Writes and everything else go to the channel underneath unchanged.
/// Reads come from MQTTnet's single receive loop, one at a time, so the buffer needs no lock.
/// </summary>
internal sealed class ReadBufferedMqttChannel(IMqttChannel inner) : IMqttChannel
{
    private const int BufferBytes = 64 * 1024;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _start;
    private int _end;

    public X509Certificate2? ClientCertificate => inner.ClientCertificate;

    public EndPoint? RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint? LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        // A new connection starts with nothing buffered from the last one.
        _start = _end = 0;
        return inner.ConnectAsync(cancellationToken);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            if (count >= BufferBytes)
            {
                // A large body: straight into the caller's array, no copy.
                return await inner.ReadAsync(buffer, offset, count, cancellationToken);
            }

            _start = 0;
            _end = await inner.ReadAsync(_buffer, 0, BufferBytes, cancellationToken);
            if (_end == 0)
            {
                return 0; // the connection closed
            }
        }

        var copied = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, buffer, offset, copied);
        _start += copied;
        return copied;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => inner.Dispose();
}
