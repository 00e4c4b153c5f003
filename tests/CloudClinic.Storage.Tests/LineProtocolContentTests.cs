using System.Text;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class LineProtocolContentTests
{
    [Fact]
    public async Task ReadAsByteArray_ManySegmentsWithChineseAndSurrogatePairs_SameBytesAsEncodingTheString()
    {
        // Enough text for several pooled segments (64 KiB each), with multi-byte characters and surrogate pairs that
        // fall on segment boundaries.
        using var writer = new LineProtocolWriter();
        for (var i = 0; i < 3000; i++)
        {
            writer.Begin("blood_pressure").Tag("patient", $"患者-{i}").Field("note", $"血压 {i} 😀 ok").Field("systolic", 120 + (i % 60)).End(i);
        }

        using var content = new LineProtocolContent(writer);
        var bytes = await content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetBytes(writer.ToString()), bytes);
        Assert.Equal("text/plain; charset=utf-8", content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task CopyTo_RandomReadings_WritesWriterBytesWithExactContentLength()
    {
        using var writer = ReadingPoints.ToWriter(new RandomReadings(seed: 42).Make(2000));
        using var content = new LineProtocolContent(writer);
        using var stream = new MemoryStream();

        await content.CopyToAsync(stream);

        var expected = Encoding.UTF8.GetBytes(writer.ToString());
        Assert.Equal(expected, stream.ToArray());
        Assert.Equal(expected.Length, content.Headers.ContentLength);
    }

    [Fact]
    public async Task CopyTo_Twice_WritesTheSameBytesAgain()
    {
        // HttpClient serializes a body again for a redirect or an authentication challenge.
        using var writer = ReadingPoints.ToWriter([SampleReadings.BloodPressure("r-1"), SampleReadings.Glucose("r-2")]);
        using var content = new LineProtocolContent(writer);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await content.CopyToAsync(first);
        await content.CopyToAsync(second);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(writer.ToString()), second.ToArray());
    }
}
