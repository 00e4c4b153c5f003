using System.Text;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Tests;

public class LineProtocolFrameReaderTests
{
    private const string BpFrame = "$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E";
    private const string GlFrame = "$CCGL,GL7,5,20250301T0730+0800,101,mgdl,fasting,,*24";

    [Fact]
    public void Feed_TwoFramesWithCrLf_ReturnsBothWithoutLineEnds()
    {
        var frames = new LineProtocolFrameReader().Feed(Ascii($"{BpFrame}\r\n{GlFrame}\r\n"));

        Assert.Equal([BpFrame, GlFrame], frames.Select(Text));
        Assert.All(frames, f => Assert.False(f.IsDropped));
    }

    [Fact]
    public void Feed_NoiseBeforeFrame_ReportsNoiseThenFrame()
    {
        var frames = new LineProtocolFrameReader().Feed([0x00, 0xFF, (byte)'x', .. Ascii($"{BpFrame}\r\n")]);

        Assert.Equal(2, frames.Count);
        Assert.Equal("3 byte(s) of noise outside a frame", frames[0].DropReason);
        Assert.Equal(new byte[] { 0x00, 0xFF, (byte)'x' }, frames[0].Bytes.ToArray());
        Assert.Equal(BpFrame, Text(frames[1]));
    }

    [Fact]
    public void Feed_FrameCutOffByNextDollar_DropsThePartialAndKeepsTheNext()
    {
        var frames = new LineProtocolFrameReader().Feed(Ascii($"$CCBP,BP0042,17,2025{GlFrame}\r\n"));

        Assert.Equal(2, frames.Count);
        Assert.StartsWith("frame cut off", frames[0].DropReason, StringComparison.Ordinal);
        Assert.Equal("$CCBP,BP0042,17,2025", Text(frames[0]));
        Assert.Equal(GlFrame, Text(frames[1]));
    }

    [Fact]
    public void Feed_OversizedFrame_IsDroppedWithReasonAndReaderResynchronises()
    {
        var reader = new LineProtocolFrameReader(maxFrameLength: 64);
        var longLine = "$" + new string('A', 100) + "\r\n";

        var frames = reader.Feed(Ascii(longLine + BpFrame + "\r\n"));

        Assert.Equal("frame longer than 64 bytes", frames[0].DropReason);
        Assert.Equal(64, frames[0].Bytes.Length);
        Assert.Equal("37 byte(s) of noise outside a frame", frames[1].DropReason);
        Assert.Equal(BpFrame, Text(frames[2]));
        Assert.Equal(3, frames.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void Feed_NoisyStreamInChunks_GivesTheSameFramesAsOneChunk(int chunkSize)
    {
        byte[] stream =
        [
            0x13, 0x80, .. Ascii($"{BpFrame}\r\n"), .. Ascii("garbage\r\n"), .. Ascii($"$CCBP,trunc{GlFrame}\n"),
            .. Ascii($"{BpFrame}\r"), .. Ascii("\n\n"), .. Ascii($"{GlFrame}\r\n"),
        ];
        var whole = new LineProtocolFrameReader().Feed(stream);

        var reader = new LineProtocolFrameReader();
        var chunked = new List<LineFrame>();
        for (var offset = 0; offset < stream.Length; offset += chunkSize)
        {
            chunked.AddRange(reader.Feed(stream.AsSpan(offset, Math.Min(chunkSize, stream.Length - offset))));
        }

        Assert.Equal(whole.Select(Describe), chunked.Select(Describe));
        Assert.Equal([BpFrame, GlFrame, BpFrame, GlFrame], chunked.Where(f => !f.IsDropped).Select(Text));
        Assert.Equal(3, chunked.Count(f => f.IsDropped));
    }

    [Fact]
    public void Feed_FrameSplitAcrossChunks_IsCompletedByTheLineEnd()
    {
        var reader = new LineProtocolFrameReader();

        Assert.Empty(reader.Feed(Ascii(BpFrame[..20])));
        Assert.Empty(reader.Feed(Ascii(BpFrame[20..])));
        var frames = reader.Feed(Ascii("\r\n"));

        Assert.Equal(BpFrame, Text(Assert.Single(frames)));
    }

    [Fact]
    public void Reset_WithPartialFrameAndNoise_ReportsBoth()
    {
        var reader = new LineProtocolFrameReader();
        reader.Feed(Ascii("$CCBP,BP00"));

        var dropped = reader.Reset("link lost");

        Assert.Equal("partial frame discarded: link lost", Assert.Single(dropped).DropReason);
        Assert.Empty(reader.Reset("again"));
        Assert.Equal(BpFrame, Text(Assert.Single(reader.Feed(Ascii(BpFrame + "\n")))));
    }

    [Fact]
    public void Feed_EndlessGarbage_IsReportedInBoundedPieces()
    {
        var reader = new LineProtocolFrameReader();

        var frames = reader.Feed(new byte[(LineProtocolFrameReader.NoiseReportBytes * 2) + 10]);

        Assert.Equal(2, frames.Count);
        Assert.All(frames, f => Assert.Equal($"{LineProtocolFrameReader.NoiseReportBytes} byte(s) of noise outside a frame", f.DropReason));
        Assert.Equal(LineProtocolFrameReader.NoiseReportBytes * 2, reader.DroppedBytes);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Text(LineFrame frame) => Encoding.Latin1.GetString(frame.Bytes.Span);

    private static string Describe(LineFrame frame) => $"{frame.DropReason}|{Convert.ToHexString(frame.Bytes.Span)}";
}
