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
    private const int MaxCachedCounts = 4096;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private readonly Dictionary<int, Task<int>> _completed = [];
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

    public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _start == _end ? FillAndReadAsync(buffer, offset, count, cancellationToken) : Completed(CopyBuffered(buffer, offset, count));

    private async Task<int> FillAndReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (count >= BufferBytes)
        {
            // A large body: straight into the caller's array, no copy.
            return await inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        _start = 0;
        _end = await inner.ReadAsync(_buffer, 0, BufferBytes, cancellationToken);
        return _end == 0 ? 0 : CopyBuffered(buffer, offset, count); // 0: the connection closed
    }

    private int CopyBuffered(byte[] buffer, int offset, int count)
    {
        var copied = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, buffer, offset, copied);
        _start += copied;
        return copied;
    }

    /// <summary>
    /// A finished task of <paramref name="count"/>, made once per count. Most reads are served from the buffer, and a
    /// new Task for each (the runtime caches only the smallest counts) was ~85 bytes per message at one reading per
    /// message, 2% of the ingest's allocations there (EventPipe allocation samples over 300,000 messages: Task&lt;int&gt;
    /// 477 → 224). Packet sizes repeat; the cache stops growing at <see cref="MaxCachedCounts"/> sizes.
    /// </summary>
    private Task<int> Completed(int count)
    {
        if (_completed.TryGetValue(count, out var task))
        {
            return task;
        }

        task = Task.FromResult(count);
        if (_completed.Count < MaxCachedCounts)
        {
            _completed[count] = task;
        }

        return task;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => inner.Dispose();
}
