using System.Buffers;
using System.Net.Sockets;
using CloudClinic.Testing;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace CloudClinic.Bench;

/// <summary>
/// The publisher at full speed: MQTT 5, QoS 1, at most 2,000 publishes in flight, pre-serialized payloads. Each PUBLISH
/// is encoded by MQTTnet's packet formatter into a 64 KiB send buffer and the buffer written whole; the broker's PUBACKs
/// are read in bulk (<see cref="BrokerPacketReader"/>). It stands for many gateways and should cost the shared two cores
/// as little as possible, so that the consumer under test has them: mosquitto_pub (line mode, the earlier publisher)
/// took ~15% of both cores in the measured stream (perf), MQTTnet's client ~6 CPU-s per 100,000 publishes (a task and
/// a send per publish). The broker does the same work for every publisher: receive each PUBLISH, acknowledge it,
/// deliver it. Should the broker drop the connection, the unacknowledged rest is sent again on a new one (the same
/// readings: the counts stay exact).
/// </summary>
internal sealed class MqttFirehose(MosquittoProcess broker)
{
    private const int Window = 2000;
    private const int SendBufferBytes = 64 * 1024;
    private const int Attempts = 5;
    private int _connections;

    /// <summary>Publishes sent again after the broker dropped the publisher (0 in a clean run).</summary>
    public int Resent { get; private set; }

    /// <summary>Publishes every payload at least once, each acknowledged by the broker; throws if it cannot.</summary>
    public async Task PublishAsync(string topic, IReadOnlyList<byte[]> payloads)
    {
        var acknowledged = 0;
        for (var attempt = 1; acknowledged < payloads.Count; attempt++)
        {
            var connection = new FirehoseConnection(topic, payloads, acknowledged);
            try
            {
                await connection.RunAsync(broker.Host, broker.Port, $"bench-publisher-{broker.Port}-{++_connections}");
            }
            catch (Exception ex) when (ex is IOException or SocketException && attempt < Attempts)
            {
                Resent += connection.Sent - connection.Acknowledged;
            }

            acknowledged += connection.Acknowledged;
        }
    }

    /// <summary>One connection's stream, from the first publish not yet acknowledged.</summary>
    private sealed class FirehoseConnection(string topic, IReadOnlyList<byte[]> payloads, int first)
    {
        private readonly SemaphoreSlim _window = new(0);
        private readonly MqttPacketFormatterAdapter _formatter = new(MqttProtocolVersion.V500, new MqttBufferWriter(4096, 65536));
        private int _acknowledged;

        public int Sent { get; private set; }

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public async Task RunAsync(string host, int port, string clientId)
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port);
            var stream = client.GetStream();
            var reader = new BrokerPacketReader(stream);
            await stream.WriteAsync(_formatter.Encode(new MqttConnectPacket { ClientId = clientId, CleanSession = true, KeepAlivePeriod = 60 }).ToArray());
            var connAck = await reader.ReadAsync() as MqttConnAckPacket ?? throw new InvalidOperationException("expected CONNACK from the broker");
            if (connAck.ReasonCode != MqttConnectReasonCode.Success)
            {
                throw new InvalidOperationException($"the broker refused the connection: {connAck.ReasonCode}");
            }

            // The broker's Receive Maximum, when it sets one, bounds what may be in flight (0: not set).
            _window.Release(connAck.ReceiveMaximum == 0 ? Window : Math.Min(Window, (int)connAck.ReceiveMaximum));
            var total = payloads.Count - first;
            var reading = ReadAcknowledgementsAsync(reader, total);
            await SendAsync(stream, total, reading);
            await reading;
            await stream.WriteAsync(_formatter.Encode(new MqttDisconnectPacket { ReasonCode = MqttDisconnectReasonCode.NormalDisconnection }).ToArray());
        }

        private async Task SendAsync(NetworkStream stream, int total, Task reading)
        {
            var buffer = new byte[SendBufferBytes];
            var used = 0;
            var publish = new MqttPublishPacket { Topic = topic, QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce };
            while (Sent < total)
            {
                if (!_window.Wait(0))
                {
                    // The window is full: send what is ready, then wait for room.
                    if (used > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, used));
                        used = 0;
                    }

                    await WaitForWindowAsync(reading);
                }

                publish.PacketIdentifier = (ushort)(((first + Sent) % ushort.MaxValue) + 1);
                publish.Payload = new ReadOnlySequence<byte>(payloads[first + Sent]);
                var packet = _formatter.Encode(publish);
                if (used + packet.Length > buffer.Length && used > 0)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, used));
                    used = 0;
                }

                if (packet.Length > buffer.Length)
                {
                    await stream.WriteAsync(packet.ToArray());
                }
                else
                {
                    packet.Packet.AsSpan().CopyTo(buffer.AsSpan(used));
                    packet.Payload.CopyTo(buffer.AsSpan(used + packet.Packet.Count));
                    used += packet.Length;
                }

                Sent++;
            }

            if (used > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used));
            }
        }

        private async Task WaitForWindowAsync(Task reading)
        {
            var slot = _window.WaitAsync();
            if (await Task.WhenAny(slot, reading) == reading && !slot.IsCompleted)
            {
                await reading; // the connection ended: its exception, if any
                throw new EndOfStreamException("the broker closed the connection");
            }
        }

        private async Task ReadAcknowledgementsAsync(BrokerPacketReader reader, int total)
        {
            while (Acknowledged < total)
            {
                var count = await reader.ReadPubAcksAsync();
                Interlocked.Add(ref _acknowledged, count);
                _window.Release(count);
            }
        }
    }
}
