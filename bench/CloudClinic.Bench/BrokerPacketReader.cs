using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace CloudClinic.Bench;

/// <summary>
/// Reads the broker's packets in bulk: one socket read fills a 64 KiB buffer, the whole packets in it are framed here
/// (fixed header, remaining length) and decoded by MQTTnet's own MQTT 5 formatter.
/// </summary>
internal sealed class BrokerPacketReader(NetworkStream stream)
{
    private readonly MqttPacketFormatterAdapter _formatter = new(MqttProtocolVersion.V500, new MqttBufferWriter(4096, 65536));
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next packet.</summary>
    public async Task<MqttPacket> ReadAsync()
    {
        MqttPacket? packet;
        while (!TryTake(out packet))
        {
            await FillAsync();
        }

        return packet;
    }

    /// <summary>Waits for at least one PUBACK; returns how many arrived. A refused publish or a DISCONNECT ends the stream.</summary>
    public async Task<int> ReadPubAcksAsync()
    {
        var count = 0;
        while (true)
        {
            while (TryTake(out var packet))
            {
                count += packet switch
                {
                    MqttPubAckPacket { ReasonCode: >= MQTTnet.Protocol.MqttPubAckReasonCode.UnspecifiedError } refused =>
                        throw new InvalidOperationException($"the broker refused a publish: {refused.ReasonCode}"),
                    MqttPubAckPacket => 1,
                    MqttDisconnectPacket disconnect => throw new IOException($"the broker disconnected the publisher: {disconnect.ReasonCode}"),
                    _ => 0,
                };
            }

            if (count > 0)
            {
                return count;
            }

            await FillAsync();
        }
    }

    private bool TryTake([NotNullWhen(true)] out MqttPacket? packet)
    {
        packet = null;
        if (_end - _start < 2)
        {
            return false;
        }

        // Remaining length: a variable byte integer of at most four bytes (MQTT 5.0 §1.5.5).
        var at = _start + 1;
        var remaining = 0;
        for (var shift = 0; ; shift += 7, at++)
        {
            if (at == _end)
            {
                return false;
            }

            if (shift > 21)
            {
                throw new InvalidOperationException("malformed remaining length from the broker");
            }

            remaining |= (_buffer[at] & 0x7F) << shift;
            if ((_buffer[at] & 0x80) == 0)
            {
                break;
            }
        }

        at++;
        if (_end - at < remaining)
        {
            return false;
        }

        packet = _formatter.Decode(new ReceivedMqttPacket(_buffer[_start], new ArraySegment<byte>(_buffer, at, remaining), at + remaining - _start));
        _start = at + remaining;
        return true;
    }

    private async Task FillAsync()
    {
        // Keep the partial packet, at the front.
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        (_start, _end) = (0, _end - _start);
        var read = await stream.ReadAsync(_buffer.AsMemory(_end));
        if (read == 0)
        {
            throw new EndOfStreamException("the broker closed the connection");
        }

        _end += read;
    }
}
