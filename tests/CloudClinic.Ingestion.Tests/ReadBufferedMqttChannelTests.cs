using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using CloudClinic.Ingestion.Mqtt;
using MQTTnet.Channel;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// The buffered channel hands MQTTnet exactly the bytes of the connection, in order, however the socket delivers them
/// and however MQTTnet asks for them; the end of the connection still reads as 0, and a reconnect starts clean.
/// (The real broker flows — restarts, kill -9, shared subscriptions — run through it in the fault tests.)
/// </summary>
public sealed class ReadBufferedMqttChannelTests
{
    [Fact]
    public async Task ReadAsync_AnyChunking_GivesTheSameBytesInOrder_ThenZeroAtTheEnd()
    {
        var random = new Random(20261129);
        var stream = new byte[300_000];
        random.NextBytes(stream);
        using var channel = new ReadBufferedMqttChannel(new ChunkingChannel(stream, random));

        var read = new List<byte>();
        while (true)
        {
            // Small header-sized reads, bodies, and reads larger than the buffer.
            var want = random.Next(3) switch { 0 => random.Next(1, 5), 1 => random.Next(5, 2_000), _ => random.Next(65_536, 100_000) };
            var target = new byte[want + 10];
            var got = await channel.ReadAsync(target, 10, want, default);
            if (got == 0)
            {
                break;
            }

            Assert.InRange(got, 1, want);
            read.AddRange(target.AsSpan(10, got).ToArray());
        }

        Assert.Equal(stream, read);
    }

    [Fact]
    public async Task ConnectAsync_DropsWhatWasBufferedFromTheLastConnection()
    {
        var inner = new ChunkingChannel([1, 2, 3, 4, 5, 6], new Random(1), maxChunk: 6);
        using var channel = new ReadBufferedMqttChannel(inner);
        var target = new byte[2];
        Assert.Equal(2, await channel.ReadAsync(target, 0, 2, default)); // 1, 2 read; 3..6 buffered

        inner.Reset([9]);
        await channel.ConnectAsync(default);

        Assert.Equal(1, await channel.ReadAsync(target, 0, 2, default));
        Assert.Equal(9, target[0]);
    }

    /// <summary>A connection that delivers a byte stream in random pieces of at most what was asked.</summary>
    private sealed class ChunkingChannel(byte[] stream, Random random, int maxChunk = 20_000) : IMqttChannel
    {
        private byte[] _stream = stream;
        private int _position;

        public X509Certificate2? ClientCertificate => null;

        public EndPoint? RemoteEndPoint => null;

        public EndPoint? LocalEndPoint => null;

        public bool IsSecureConnection => false;

        public void Reset(byte[] stream) => (_stream, _position) = (stream, 0);

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var n = Math.Min(Math.Min(count, random.Next(1, maxChunk + 1)), _stream.Length - _position);
            Array.Copy(_stream, _position, buffer, offset, n);
            _position += n;
            return Task.FromResult(n);
        }

        public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
