using System.Net.Sockets;
using System.Text;
using CloudClinic.Testing;

namespace CloudClinic.Bench;

/// <summary>
/// The publisher at full speed: MQTT 5, QoS 1, at most 2,000 publishes in flight, pre-serialized payloads, each PUBLISH
/// encoded straight into a 64 KiB send buffer and the buffer written whole; PUBACKs read in bulk. It stands for many
/// gateways and should cost the shared two cores as little as possible, so that the consumer under test has them:
/// mosquitto_pub (line mode, the earlier publisher) took ~15% of both cores in the measured stream (perf), an MQTTnet
/// publisher ~6 CPU-s per 100,000 publishes. The broker does the same work for every publisher: receive each PUBLISH,
/// acknowledge it, deliver it. Should the broker drop the connection, the unacknowledged rest is sent again on a new one
/// (the same readings: the counts stay exact).
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
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var acknowledged = 0;
        for (var attempt = 1; acknowledged < payloads.Count; attempt++)
        {
            var connection = new FirehoseConnection(topicBytes, payloads, acknowledged);
            try
            {
                await connection.RunAsync(broker.Host, broker.Port, $"bench-publisher-{broker.Port}-{++_connections}");
            }
            catch (Exception ex) when (ex is IOException or SocketException or EndOfStreamException && attempt < Attempts)
            {
                Resent += connection.Sent - connection.Acknowledged;
            }

            acknowledged += connection.Acknowledged;
        }
    }

    /// <summary>One connection's stream, from the first publish not yet acknowledged.</summary>
    private sealed class FirehoseConnection(byte[] topic, IReadOnlyList<byte[]> payloads, int first)
    {
        private readonly SemaphoreSlim _window = new(0);
        private int _acknowledged;

        public int Sent { get; private set; }

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public async Task RunAsync(string host, int port, string clientId)
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port);
            var stream = client.GetStream();
            await stream.WriteAsync(MqttV5Packets.Connect(clientId));
            var receiveMaximum = await MqttV5Packets.ReadConnAckAsync(stream);
            _window.Release(Math.Min(Window, receiveMaximum));

            var total = payloads.Count - first;
            var reading = ReadAcknowledgementsAsync(stream, total);
            await SendAsync(stream, total, reading);
            await reading;
            await stream.WriteAsync(MqttV5Packets.Disconnect);
        }

        private async Task SendAsync(NetworkStream stream, int total, Task reading)
        {
            var buffer = new byte[SendBufferBytes];
            var used = 0;
            while (Sent < total)
            {
                var payload = payloads[first + Sent];
                var size = MqttV5Packets.PublishSize(topic, payload);
                var canBuffer = used + size <= buffer.Length;
                if (used > 0 && (!canBuffer || !_window.Wait(0)))
                {
                    // The buffer is full, or the window is: send what is ready, then wait for room.
                    await stream.WriteAsync(buffer.AsMemory(0, used));
                    used = 0;
                    continue;
                }

                if (used == 0)
                {
                    await WaitForWindowAsync(reading);
                }

                var packetId = (ushort)(((first + Sent) % ushort.MaxValue) + 1);
                if (size > buffer.Length)
                {
                    await stream.WriteAsync(MqttV5Packets.Publish(topic, payload, packetId));
                }
                else
                {
                    used += MqttV5Packets.WritePublish(buffer.AsSpan(used), topic, payload, packetId);
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

        private async Task ReadAcknowledgementsAsync(NetworkStream stream, int total)
        {
            var reader = new MqttV5Packets.AckReader(stream);
            while (Acknowledged < total)
            {
                var count = await reader.ReadPubAcksAsync();
                Interlocked.Add(ref _acknowledged, count);
                _window.Release(count);
            }
        }
    }
}
