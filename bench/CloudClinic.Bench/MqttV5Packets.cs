using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace CloudClinic.Bench;

/// <summary>
/// The few MQTT 5 packets the firehose needs, encoded and read by hand (OASIS MQTT 5.0, §3.1 CONNECT, §3.2 CONNACK,
/// §3.3 PUBLISH, §3.4 PUBACK, §3.14 DISCONNECT): a client library's per-message objects and tasks were the cost to avoid.
/// </summary>
internal static class MqttV5Packets
{
    private const byte PubAckType = 0x40;
    private const byte DisconnectType = 0xE0;

    /// <summary>DISCONNECT, normal disconnection.</summary>
    public static readonly byte[] Disconnect = [DisconnectType, 0x00];

    /// <summary>CONNECT with clean start, keep-alive 60 s, no properties, no credentials.</summary>
    public static byte[] Connect(string clientId)
    {
        var id = Encoding.UTF8.GetBytes(clientId);
        byte[] variable = [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05, 0x02, 0x00, 60, 0x00];
        var remaining = variable.Length + 2 + id.Length;
        var packet = new byte[1 + VarIntSize(remaining) + remaining];
        packet[0] = 0x10;
        var at = 1 + WriteVarInt(packet.AsSpan(1), remaining);
        variable.CopyTo(packet, at);
        at += variable.Length;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at), (ushort)id.Length);
        id.CopyTo(packet, at + 2);
        return packet;
    }

    /// <summary>Reads the CONNACK; throws unless it accepts. Returns the broker's Receive Maximum (65,535 when absent).</summary>
    public static async Task<int> ReadConnAckAsync(NetworkStream stream)
    {
        var first = new byte[1];
        await stream.ReadExactlyAsync(first);
        var remaining = await ReadVarIntAsync(stream);
        var body = new byte[remaining];
        await stream.ReadExactlyAsync(body);
        if (first[0] != 0x20 || body.Length < 2)
        {
            throw new InvalidOperationException($"expected CONNACK, got packet type 0x{first[0]:X2}");
        }

        if (body[1] != 0x00)
        {
            throw new InvalidOperationException($"the broker refused the connection: reason code 0x{body[1]:X2}");
        }

        var receiveMaximum = (int)ushort.MaxValue;
        var at = 2;
        var end = body.Length;
        if (body.Length > 2)
        {
            var propertiesLength = ReadVarInt(body, ref at);
            end = Math.Min(at + propertiesLength, body.Length);
        }

        while (at < end)
        {
            var property = body[at++];
            if (property == 0x21)
            {
                receiveMaximum = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
            }

            at += PropertyValueSize(property, body.AsSpan(at));
        }

        return receiveMaximum;
    }

    public static int PublishSize(byte[] topic, byte[] payload)
    {
        var remaining = PublishRemainingLength(topic, payload);
        return 1 + VarIntSize(remaining) + remaining;
    }

    /// <summary>PUBLISH, QoS 1, no properties, into <paramref name="target"/>; returns the bytes written.</summary>
    public static int WritePublish(Span<byte> target, byte[] topic, byte[] payload, ushort packetId)
    {
        var remaining = PublishRemainingLength(topic, payload);
        target[0] = 0x32;
        var at = 1 + WriteVarInt(target[1..], remaining);
        BinaryPrimitives.WriteUInt16BigEndian(target[at..], (ushort)topic.Length);
        topic.CopyTo(target[(at + 2)..]);
        at += 2 + topic.Length;
        BinaryPrimitives.WriteUInt16BigEndian(target[at..], packetId);
        target[at + 2] = 0x00; // property length
        at += 3;
        payload.CopyTo(target[at..]);
        return at + payload.Length;
    }

    public static byte[] Publish(byte[] topic, byte[] payload, ushort packetId)
    {
        var packet = new byte[PublishSize(topic, payload)];
        WritePublish(packet, topic, payload, packetId);
        return packet;
    }

    private static int PublishRemainingLength(byte[] topic, byte[] payload) => 2 + topic.Length + 2 + 1 + payload.Length;

    private static int VarIntSize(int value) => value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;

    private static int WriteVarInt(Span<byte> target, int value)
    {
        var at = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            target[at++] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (value > 0);
        return at;
    }

    /// <summary>Reads a variable byte integer at <paramref name="at"/>; -1 (and <paramref name="at"/> unchanged) if incomplete.</summary>
    private static int ReadVarInt(ReadOnlySpan<byte> source, ref int at)
    {
        var value = 0;
        for (int i = at, shift = 0; i < source.Length && shift <= 21; i++, shift += 7)
        {
            value |= (source[i] & 0x7F) << shift;
            if ((source[i] & 0x80) == 0)
            {
                at = i + 1;
                return value;
            }
        }

        return -1;
    }

    private static async Task<int> ReadVarIntAsync(NetworkStream stream)
    {
        var value = 0;
        var one = new byte[1];
        for (var shift = 0; shift <= 21; shift += 7)
        {
            await stream.ReadExactlyAsync(one);
            value |= (one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidOperationException("malformed remaining length from the broker");
    }

    /// <summary>The size of a CONNACK property's value (MQTT 5.0 §2.2.2.2), to step over the ones not used here.</summary>
    private static int PropertyValueSize(byte property, ReadOnlySpan<byte> value) => property switch
    {
        0x24 or 0x25 or 0x28 or 0x29 or 0x2A => 1,
        0x13 or 0x21 or 0x22 => 2,
        0x11 or 0x27 => 4,
        0x12 or 0x15 or 0x16 or 0x1A or 0x1C or 0x1F => 2 + BinaryPrimitives.ReadUInt16BigEndian(value),
        0x26 => UserPropertySize(value),
        _ => throw new InvalidOperationException($"unknown CONNACK property 0x{property:X2}"),
    };

    /// <summary>A user property is a string pair.</summary>
    private static int UserPropertySize(ReadOnlySpan<byte> value)
    {
        var key = 2 + BinaryPrimitives.ReadUInt16BigEndian(value);
        return key + 2 + BinaryPrimitives.ReadUInt16BigEndian(value[key..]);
    }

    /// <summary>Reads the broker's packets in bulk and counts its PUBACKs; a refusal or a DISCONNECT ends the stream.</summary>
    internal sealed class AckReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        /// <summary>Waits for at least one PUBACK; returns how many whole PUBACKs arrived.</summary>
        public async Task<int> ReadPubAcksAsync()
        {
            while (true)
            {
                var count = TakePubAcks();
                if (count > 0)
                {
                    return count;
                }

                if (_start > 0)
                {
                    // Keep the partial packet, at the front.
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                    (_start, _end) = (0, _end - _start);
                }

                var read = await stream.ReadAsync(_buffer.AsMemory(_end));
                if (read == 0)
                {
                    throw new EndOfStreamException("the broker closed the connection");
                }

                _end += read;
            }
        }

        private int TakePubAcks()
        {
            var count = 0;
            while (_end - _start >= 2)
            {
                var at = _start + 1;
                var remaining = ReadVarInt(_buffer.AsSpan(0, _end), ref at);
                if (remaining < 0 || _end - at < remaining)
                {
                    break;
                }

                var type = _buffer[_start] & 0xF0;
                if (type == DisconnectType)
                {
                    var reason = remaining > 0 ? _buffer[at] : 0;
                    throw new IOException($"the broker disconnected the publisher: reason code 0x{reason:X2}");
                }

                // PUBACK: packet id, then a reason code when not plain success; 0x80 and up refuse the message.
                if (type == PubAckType)
                {
                    if (remaining >= 3 && _buffer[at + 2] >= 0x80)
                    {
                        throw new InvalidOperationException($"the broker refused a publish: reason code 0x{_buffer[at + 2]:X2}");
                    }

                    count++;
                }

                _start = at + remaining;
            }

            return count;
        }
    }
}
