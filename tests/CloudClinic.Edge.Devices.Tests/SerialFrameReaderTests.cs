using System.Text;
using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Devices.Tests;

public class SerialFrameReaderTests
{
    private static readonly byte[] TaiDocConnect = Vectors.Hex("51 22 00 00 00 00 A5 18");
    private static readonly byte[] TaiDocTime = Vectors.Hex("51 25 21 24 0E 15 A5 83");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void TaiDoc_NoisyStreamInChunks_GivesTheSameFramesAsOneChunk(int chunk)
    {
        // Noise, a stray 0x51, a frame, a cut-off frame, a frame.
        byte[] stream = [0x00, 0xFF, 0x51, 0x13, .. TaiDocConnect, 0x51, 0x25, 0x21, .. TaiDocTime, 0x7E];

        var frames = AssertChunkingInvariant(() => new TaiDocFrameReader(), (r, c) => r.Feed(c), stream, chunk);

        var good = frames.Where(f => !f.IsDropped).ToList();
        Assert.Equal([Convert.ToHexString(TaiDocConnect), Convert.ToHexString(TaiDocTime)], good.Select(f => Convert.ToHexString(f.Bytes.Span)));
        Assert.All(good, f => Assert.True(TaiDocParser.TryParse(f.Bytes.Span, out _, out _)));
        Assert.Equal(["4 byte(s) of noise outside a frame", "3 byte(s) of noise outside a frame"], frames.Where(f => f.IsDropped).Select(f => f.DropReason));
    }

    [Fact]
    public void TaiDoc_BadChecksumFrame_IsDroppedWithThatReasonAndTheNextFrameKept()
    {
        var frames = new TaiDocFrameReader().Feed([.. Vectors.Hex("51 22 00 00 00 00 A5 19"), .. TaiDocConnect]);

        Assert.Equal("8 byte(s) of noise outside a frame, including 1 frame start(s) that failed the checksum", frames[0].DropReason);
        Assert.Equal(TaiDocConnect, frames[1].Bytes.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void CodeFree_NoisyStreamInChunks_ResynchronisesOnEveryPacket(int chunk)
    {
        var session = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "codefree-session.hex")).Where(l => !l.StartsWith('#')).Select(Vectors.Hex).ToList();
        // The stray leading 0x00 some adapters deliver, a packet cut off by the next, garbage between packets.
        var stream = new List<byte> { 0x00 };
        stream.AddRange(session[0]);
        stream.AddRange(session[1].Take(10));
        stream.AddRange(session[1]);
        stream.AddRange([0x53, 0x53, 0x20, 0xFF]);
        foreach (var packet in session.Skip(2))
        {
            stream.AddRange(packet);
        }

        var frames = AssertChunkingInvariant(() => new CodeFreeFrameReader(), (r, c) => r.Feed(c), [.. stream], chunk);

        Assert.Equal(session.Select(Convert.ToHexString), frames.Where(f => !f.IsDropped).Select(f => Convert.ToHexString(f.Bytes.Span)));
        Assert.Equal(3, frames.Count(f => f.IsDropped));
    }

    [Fact]
    public void CodeFree_Reset_ReportsThePartialPacket()
    {
        var reader = new CodeFreeFrameReader();
        reader.Feed(Vectors.Hex("53 20 04 10"));

        var dropped = Assert.Single(reader.Reset("link lost"));

        Assert.Equal("partial frame discarded: link lost", dropped.DropReason);
        Assert.Equal(4, reader.DroppedBytes);
    }

    [Fact]
    public void BinaryReader_EndlessGarbage_IsReportedInBoundedPieces()
    {
        var frames = new TaiDocFrameReader().Feed(new byte[(4096 * 2) + 5]);

        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.Equal("4096 byte(s) of noise outside a frame", f.DropReason));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void AsciiLines_NoisyOneTouchDumpInChunks_KeepsEveryCleanLine(int chunk)
    {
        var dump = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "onetouch-ultra2-dmp.txt"));
        byte[] stream = [0x11, 0x0D, 0x00, .. dump[..20], 0x80, .. dump, .. "\r\n\r\n"u8];

        var frames = AssertChunkingInvariant(() => new AsciiLineReader(), (r, c) => r.Feed(c), stream, chunk);

        var lines = frames.Where(f => !f.IsDropped).Select(f => Encoding.ASCII.GetString(f.Bytes.Span)).ToList();
        Assert.Equal(Encoding.ASCII.GetString(dump).Split("\r\n", StringSplitOptions.RemoveEmptyEntries), lines);
        Assert.Equal(
            ["2 byte(s) of noise outside a frame", "line cut by a byte that is not printable ASCII (noise or wrong baud rate?)", "1 byte(s) of noise outside a frame"],
            frames.Where(f => f.IsDropped).Select(f => f.DropReason));
    }

    [Fact]
    public void AsciiLines_OverlongLine_IsDroppedAndTheNextLineKept()
    {
        var frames = new AsciiLineReader(maxLineLength: 16).Feed([.. Enumerable.Repeat((byte)'A', 40), .. "\r\nT 0054\r\n"u8]);

        Assert.Equal("line longer than 16 bytes", frames[0].DropReason);
        Assert.Equal("T 0054", Encoding.ASCII.GetString(frames[1].Bytes.Span));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void Optium_DumpAfterNoiseAndCmdOk_IsOneWholeFrame(int chunk)
    {
        var dump = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "freestyle-optium-xmem.txt"));
        byte[] stream = [.. "junk"u8, 0xFE, .. "Temperature =  21.50 *C /  70.70 *F\r\nCMD OK\r\n"u8, 0x00, .. dump, .. "partial"u8];

        var frames = AssertChunkingInvariant(() => new FreeStyleOptiumFrameReader(), (r, c) => r.Feed(c), stream, chunk);

        Assert.Equal("response cut by a byte that is not ASCII text (noise or wrong baud rate?)", frames[0].DropReason);
        var whole = frames.Where(f => !f.IsDropped).ToList();
        Assert.Equal(2, whole.Count);
        Assert.EndsWith("CMD OK\r\n", Encoding.ASCII.GetString(whole[0].Bytes.Span), StringComparison.Ordinal);
        Assert.Equal(dump, whole[1].Bytes.ToArray());
        Assert.True(FreeStyleOptiumParser.TryParseMemory(whole[1].Bytes.Span, out var memory, out var error), error);
        Assert.Equal(3, memory.Readings.Count);
    }

    [Fact]
    public void Optium_NoiseInsideTheDump_DropsItAndTheNextDumpIsWhole()
    {
        var dump = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "freestyle-optium-xmem.txt"));
        var reader = new FreeStyleOptiumFrameReader();

        var frames = reader.Feed([.. dump[..40], 0xC3, .. dump[40..], .. dump]);

        // The tail after the noise ends in END but fails its checksum; the next dump is intact.
        var whole = frames.Where(f => !f.IsDropped).ToList();
        Assert.False(FreeStyleOptiumParser.TryParseMemory(whole[0].Bytes.Span, out _, out _));
        Assert.True(FreeStyleOptiumParser.TryParseMemory(whole[1].Bytes.Span, out _, out _));
        Assert.Empty(reader.Reset("unplugged"));
    }

    private static List<MeterFrame> AssertChunkingInvariant<TReader>(Func<TReader> create, Func<TReader, byte[], IReadOnlyList<MeterFrame>> feed, byte[] stream, int chunk)
    {
        var whole = feed(create(), stream);
        var reader = create();
        var chunked = new List<MeterFrame>();
        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            chunked.AddRange(feed(reader, stream[offset..Math.Min(stream.Length, offset + chunk)]));
        }

        Assert.Equal(whole.Select(Describe), chunked.Select(Describe));
        return chunked;
    }

    private static string Describe(MeterFrame frame) => $"{frame.DropReason}|{Convert.ToHexString(frame.Bytes.Span)}";
}
