using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace CloudClinic.Ingestion.Mqtt;

/// <summary>
/// An MQTT channel that can hold its writes and send them in one socket write. The ingest acknowledges a stored batch
/// of thousands of messages at once; MQTTnet writes each PUBACK (4 bytes) as a socket send of its own, and at one
/// reading per message that was a send system call per reading. Held bytes always go out before any later write, so
/// packets keep their order; anything held is sent on disconnect (the acknowledgements are for stored readings).
/// Everything else goes to the channel underneath unchanged.
/// </summary>
internal sealed class HeldWritesMqttChannel(IMqttChannel inner) : IMqttChannel
{
    /// <summary>At most this much is held: 16,384 PUBACKs. More goes out as it comes.</summary>
    internal const int MaxHeldBytes = 64 * 1024;

    // MQTTnet serialises its own writes; the gate also orders them with the sends of held bytes.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _held = new(MaxHeldBytes);
    private volatile bool _holding;

    public X509Certificate2? ClientCertificate => inner.ClientCertificate;

    public EndPoint? RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint? LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    /// <summary>Writes from now on are held until <see cref="SendHeldAsync"/> (or a disconnect).</summary>
    public void Hold() => _holding = true;

    /// <summary>Ends the hold and sends what was held, in one write.</summary>
    public async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        // Ended first: should the send be cancelled, the bytes stay held and go out ahead of the next write.
        _holding = false;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        // A new connection must not start with another connection's acknowledgements.
        _holding = false;
        _held.ResetWrittenCount();
        return inner.ConnectAsync(cancellationToken);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendHeldAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection is already gone: the broker re-sends what these would have acknowledged.
        }

        await inner.DisconnectAsync(cancellationToken);
    }

    public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_holding || _held.WrittenCount + buffer.Length > MaxHeldBytes)
            {
                await FlushAsync(cancellationToken);
            }

            if (_holding && buffer.Length <= MaxHeldBytes)
            {
                buffer.CopyTo(_held.GetSpan((int)buffer.Length));
                _held.Advance((int)buffer.Length);
                return;
            }

            await inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => inner.Dispose();

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_held.WrittenCount == 0)
        {
            return;
        }

        await inner.WriteAsync(new ReadOnlySequence<byte>(_held.WrittenMemory), isEndOfPacket: true, cancellationToken);
        _held.ResetWrittenCount();
    }
}
