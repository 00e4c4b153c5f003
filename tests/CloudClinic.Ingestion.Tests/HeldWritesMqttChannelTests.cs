using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using CloudClinic.Ingestion.Mqtt;
using MQTTnet.Channel;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// Held writes leave in one socket write, in order, and never behind a later write; nothing is held that the caller
/// did not ask to hold. (That acknowledgements really reach a broker through it: the worker tests count the PUBACKs
/// the broker receives, and the fault tests run against mosquitto.)
/// </summary>
public sealed class HeldWritesMqttChannelTests
{
    private static readonly byte[] PubAck1 = [0x40, 0x02, 0x00, 0x01];
    private static readonly byte[] PubAck2 = [0x40, 0x02, 0x00, 0x02];
    private static readonly byte[] PingReq = [0xC0, 0x00];

    [Fact]
    public async Task NotHolding_EachWriteGoesStraightThrough()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);

        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);
        await channel.WriteAsync(Sequence(PubAck2), isEndOfPacket: true, default);

        Assert.Equal([PubAck1, PubAck2], socket.Writes);
    }

    [Fact]
    public async Task Holding_WritesWaitThenLeaveInOneWriteInOrder()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);

        channel.Hold();
        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);
        await channel.WriteAsync(Sequence(PubAck2), isEndOfPacket: true, default);
        Assert.Empty(socket.Writes);

        await channel.SendHeldAsync(default);

        Assert.Equal([[.. PubAck1, .. PubAck2]], socket.Writes);

        // The hold has ended: the next write is not held.
        await channel.WriteAsync(Sequence(PingReq), isEndOfPacket: true, default);
        Assert.Equal(PingReq, socket.Writes[^1]);
    }

    [Fact]
    public async Task Holding_MoreThanTheLimit_GoesOutAsItComes_AllInOrder()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);
        var expected = new List<byte>();

        channel.Hold();
        for (var id = 0; id < 40_000; id++)
        {
            byte[] pubAck = [0x40, 0x02, (byte)(id >> 8), (byte)id];
            expected.AddRange(pubAck);
            await channel.WriteAsync(Sequence(pubAck), isEndOfPacket: true, default);
        }

        await channel.SendHeldAsync(default);

        // 160,000 bytes: two full holds and the rest.
        Assert.Equal([HeldWritesMqttChannel.MaxHeldBytes, HeldWritesMqttChannel.MaxHeldBytes, 28_928], socket.Writes.Select(write => write.Length));
        Assert.Equal(expected, socket.Writes.SelectMany(write => write));
    }

    [Fact]
    public async Task SendHeldCancelled_HeldBytesGoOutAheadOfTheNextWrite()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);
        channel.Hold();
        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.SendHeldAsync(new CancellationToken(canceled: true)));
        Assert.Empty(socket.Writes);

        await channel.WriteAsync(Sequence(PingReq), isEndOfPacket: true, default);

        Assert.Equal([PubAck1, PingReq], socket.Writes);
    }

    [Fact]
    public async Task Disconnect_SendsWhatIsHeldFirst()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);
        channel.Hold();
        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);

        await channel.DisconnectAsync(default);

        Assert.Equal([PubAck1], socket.Writes);
        Assert.True(socket.Disconnected);
    }

    [Fact]
    public async Task Disconnect_WhenTheConnectionIsAlreadyGone_StillDisconnects()
    {
        var socket = new RecordingChannel { FailWrites = true };
        using var channel = new HeldWritesMqttChannel(socket);
        channel.Hold();
        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);

        await channel.DisconnectAsync(default);

        Assert.True(socket.Disconnected);
    }

    [Fact]
    public async Task Connect_DropsWhatWasHeldForTheLastConnection_AndEndsTheHold()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);
        channel.Hold();
        await channel.WriteAsync(Sequence(PubAck1), isEndOfPacket: true, default);

        await channel.ConnectAsync(default);
        await channel.WriteAsync(Sequence(PingReq), isEndOfPacket: true, default);

        Assert.Equal([PingReq], socket.Writes);
    }

    [Fact]
    public async Task WritesFromAnotherThreadDuringHolds_EveryPacketWholeAndEachWritersOrderKept()
    {
        var socket = new RecordingChannel();
        using var channel = new HeldWritesMqttChannel(socket);
        const int batches = 200;
        const int pings = 2_000;

        var acknowledging = Task.Run(async () =>
        {
            for (var batch = 0; batch < batches; batch++)
            {
                channel.Hold();
                for (var i = 0; i < 50; i++)
                {
                    var id = (batch * 50) + i;
                    await channel.WriteAsync(Sequence([0x40, 0x02, (byte)(id >> 8), (byte)id]), isEndOfPacket: true, default);
                }

                await channel.SendHeldAsync(default);
            }
        });
        var pinging = Task.Run(async () =>
        {
            for (var i = 0; i < pings; i++)
            {
                await channel.WriteAsync(Sequence(PingReq), isEndOfPacket: true, default);
            }
        });
        await Task.WhenAll(acknowledging, pinging);

        // Read the stream back packet by packet: PUBACKs are 4 bytes, PINGREQs 2.
        var stream = socket.Writes.SelectMany(write => write).ToArray();
        var ids = new List<int>();
        var pingCount = 0;
        for (var at = 0; at < stream.Length;)
        {
            if (stream[at] == 0xC0)
            {
                Assert.Equal(0x00, stream[at + 1]);
                pingCount++;
                at += 2;
            }
            else
            {
                Assert.Equal([0x40, 0x02], stream[at..(at + 2)]);
                ids.Add((stream[at + 2] << 8) | stream[at + 3]);
                at += 4;
            }
        }

        Assert.Equal(pings, pingCount);
        Assert.Equal(Enumerable.Range(0, batches * 50), ids);
    }

    private static ReadOnlySequence<byte> Sequence(byte[] bytes) => new(bytes);

    /// <summary>A connection that records each write it is given as one array.</summary>
    private sealed class RecordingChannel : IMqttChannel
    {
        private readonly Lock _lock = new();

        public List<byte[]> Writes { get; } = [];

        public bool FailWrites { get; init; }

        public bool Disconnected { get; private set; }

        public X509Certificate2? ClientCertificate => null;

        public EndPoint? RemoteEndPoint => null;

        public EndPoint? LocalEndPoint => null;

        public bool IsSecureConnection => false;

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DisconnectAsync(CancellationToken cancellationToken)
        {
            Disconnected = true;
            return Task.CompletedTask;
        }

        public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(0);

        public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FailWrites)
            {
                throw new IOException("connection reset by peer");
            }

            // A real socket write takes a while: let the other writer try to get in between.
            await Task.Yield();
            lock (_lock)
            {
                Writes.Add(buffer.ToArray());
            }
        }

        public void Dispose()
        {
        }
    }
}
