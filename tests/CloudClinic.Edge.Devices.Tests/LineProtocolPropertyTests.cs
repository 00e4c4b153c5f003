using System.Text;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Devices.Simulation;
using CsCheck;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>Device input is hostile: whatever arrives, the reader and parser answer, never throw.</summary>
public class LineProtocolPropertyTests
{
    private static readonly byte[] ValidFrame = Encoding.ASCII.GetBytes("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E");

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var ok = LineProtocolParser.TryParse(bytes, out var record, out var error);
            Assert.True(ok ? record is not null && error is null : record is null && error is not null);
        }, iter: 20_000);
    }

    [Fact]
    public void TryParse_RandomPrintableFramesWithValidChecksum_NeverThrows()
    {
        // Valid checksums get the input past the first gate, into the field parsers.
        var field = Gen.OneOf(Gen.String[Gen.Char["0123456789.-+T:ABCDEFHILMOPSZmgdlkaHhIL"], 0, 22], Gen.Const(string.Empty));
        var sentence = Gen.OneOf(Gen.Const("CCBP"), Gen.Const("CCGL"), Gen.Const("CCXX"));
        Gen.Select(sentence, field.Array[0, 12]).Sample((id, fields) =>
        {
            var frame = LineProtocolWriter.FromBody(string.Join(',', [id, .. fields]));
            LineProtocolParser.TryParse(Encoding.ASCII.GetBytes(frame), out _, out _);
        }, iter: 20_000);
    }

    [Fact]
    public void TryParse_AnySingleByteChangeInTheBody_IsRejected()
    {
        var star = Array.LastIndexOf(ValidFrame, (byte)'*');
        Gen.Select(Gen.Int[1, star - 1], Gen.Byte[1, 255]).Sample((index, flip) =>
        {
            var mutated = (byte[])ValidFrame.Clone();
            mutated[index] ^= flip;
            // XOR catches every single-byte error between '$' and '*'.
            Assert.False(LineProtocolParser.TryParse(mutated, out _, out _));
        }, iter: 5_000);
    }

    [Fact]
    public void Feed_RandomBytesInRandomChunks_NeverThrowsAndNeverReturnsOversizedFrames()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[1, 70]).Sample((bytes, chunk) =>
        {
            var reader = new LineProtocolFrameReader();
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                foreach (var frame in reader.Feed(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset))))
                {
                    Assert.InRange(frame.Bytes.Length, 0, LineProtocolFrameReader.DefaultMaxFrameLength);
                    LineProtocolParser.TryParse(frame.Bytes.Span, out _, out _);
                }
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Encode_GeneratedRecords_RoundTrip()
    {
        Gen.Int.Sample(seed =>
        {
            var generator = new PlausibleReadingGenerator(seed, urgentProbability: 0.5, glucoseProbability: 0.5);
            var at = new DateTimeOffset(2025, 3, 1, 8, 15, 0, TimeSpan.FromHours(8));
            for (var record = 1; record <= 5; record++)
            {
                var original = generator.Next("SIM-1", record, at.AddMinutes(record));
                Assert.True(LineProtocolParser.TryParse(LineProtocolWriter.Encode(original), out var parsed, out var error), error);
                Assert.Equal(LineProtocolWriterTests.Normalise(original), LineProtocolWriterTests.Normalise(parsed));
            }
        }, iter: 500);
    }
}
